// firmware:run booted the sample's merged.hex: the three stages appear in order, then a clean exit.
def log = new File(basedir, 'build.log').text
def uart = log.readLines().findAll { it.contains('[uart] ') }.collect { it.substring(it.indexOf('[uart] ') + 7).trim() }
assert uart.size() == 5 : "UART lines:\n${uart.join('\n')}"
assert uart[0] == 'b0: first-stage bootloader, booting mcuboot at 0x00008200' : "UART lines:\n${uart.join('\n')}"
assert uart[1].startsWith('b0: mcuboot in s0 verified (SHA-256 ') : "UART lines:\n${uart.join('\n')}"
assert uart[2] == 'mcuboot: second-stage bootloader, booting app at 0x00014200' : "UART lines:\n${uart.join('\n')}"
assert uart[3].startsWith('mcuboot: app in mcuboot_primary verified (SHA-256 ') : "UART lines:\n${uart.join('\n')}"
assert uart[4] == 'app: Hello from the application' : "UART lines:\n${uart.join('\n')}"
assert log.contains('Firmware exited with status 0') : 'no clean exit reported'
assert log.contains('b0 is a child image of app; firmware:run boots the whole tree there')
assert new File(basedir, 'sample/app/target/firmware/merged.hex').isFile()
return true
