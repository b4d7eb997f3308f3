// firmware:run booted the sample's merged.hex: the three stages appear in order, then a clean exit.
def log = new File(basedir, 'build.log').text
def uart = log.readLines().findAll { it.contains('[uart] ') }.collect { it.substring(it.indexOf('[uart] ') + 7).trim() }
assert uart == ['b0: first-stage bootloader, booting mcuboot at 0x00008000',
                'mcuboot: second-stage bootloader, booting app at 0x00014000',
                'app: Hello from the application'] : "UART lines:\n${uart.join('\n')}"
assert log.contains('Firmware exited with status 0') : 'no clean exit reported'
assert log.contains('b0 is a child image of app; firmware:run boots the whole tree there')
assert new File(basedir, 'sample/app/target/firmware/merged.hex').isFile()
return true
