// samples/spm-qemu booted by firmware:run: the secure child (on the secure board the /ns rule
// chose) attributes memory, starts the non-secure application, and the application's call
// through the secure gateway is answered as a non-secure caller's; exit status 0.
File root = basedir.absoluteFile
while (root != null && !new File(root, 'src/it/sample-support/SampleSupport.groovy').isFile()) {
    root = root.parentFile
}
def s = new GroovyShell().evaluate(new File(root, 'src/it/sample-support/SampleSupport.groovy'))

String log = new File(basedir, 'build.log').text
def uart = log.readLines().findAll { it.contains('[uart] ') }.collect { it.substring(it.indexOf('[uart] ') + 7).trim() }
assert uart.size() == 5 : "UART lines:\n${uart.join('\n')}"
assert uart[0] == 'spm: secure partition manager, running secure at 0x10000000'
assert uart[1].startsWith('spm: non-secure code 0x00010000..0x00400000, data 0x28010000..0x28400000, gateway 0x1000')
assert uart[2] == 'spm: starting the non-secure application at 0x00010000'
assert uart[3] == 'app: Hello from the non-secure application'
assert uart[4] == 'app: the secure service answered 0x005ec0de to this non-secure caller'
assert log.contains('Firmware exited with status 0') : 'no clean exit reported'
assert log.contains('Changed board to secure mps2/an505 (NOT NS)')
assert log.contains('spm is a child image of app; firmware:run boots the whole tree there')

// One layout in the application's (non-secure) addresses; spm linked at the secure alias.
File out = new File(basedir, 'spm-qemu/app/target/firmware')
assert s.partition(new File(out, 'partitions.yml'), 'spm') == '0x0 0x10000'
assert s.partition(new File(out, 'partitions.yml'), 'app') == '0x10000 0x3f0000'
File spmHex = s.requireFile(new File(basedir, 'spm-qemu/spm/target/firmware/spm/spm.hex'))
assert s.span(spmHex)[0] == 0x10000000L
File merged = s.requireFile(new File(out, 'merged.hex'))
s.assertContainsUnchanged(merged, spmHex)
s.assertContainsUnchanged(merged, new File(out, 'app/app.hex'))
assert new File(out, 'build-info.json').text.contains('"linkedAddress" : "0x10000000"')

// Only the secure image is compiled with -mcmse.
def cmse = log.readLines().findAll { it.contains('arm-none-eabi-gcc') && it.contains('-mcmse') }
assert !cmse.isEmpty() : 'no compile with -mcmse'
assert cmse.every { it.contains('firmware/spm') || it.contains('-T spm.ld') } : "-mcmse outside spm:\n${cmse.join('\n')}"
String spmLog = new File(basedir, 'spm-qemu/spm/target/firmware/spm/build.log').text
assert spmLog.contains('spm: building from source with gnu-arm at 0x10000000')
return true
