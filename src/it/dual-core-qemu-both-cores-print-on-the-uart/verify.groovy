// samples/dual-core-qemu booted by firmware:run: CPU0 prints, starts CPU1, CPU1 prints (with the
// hardware's CPU number and a product of its FPU) and ends the session with status 0. The run
// booted merged_domains.hex, which holds both domains, each in its own part of the memory.
File root = basedir.absoluteFile
while (root != null && !new File(root, 'src/it/sample-support/SampleSupport.groovy').isFile()) {
    root = root.parentFile
}
def s = new GroovyShell().evaluate(new File(root, 'src/it/sample-support/SampleSupport.groovy'))

String log = new File(basedir, 'build.log').text
def uart = log.readLines().findAll { it.contains('[uart] ') }.collect { it.substring(it.indexOf('[uart] ') + 7).trim() }
assert uart == ['cpu0: Hello from CPU0 (CPU_IDENTITY 0x00000000)',
                'cpu0: starting CPU1 at 0x10380000',
                'cpu1: Hello from CPU1 (CPU_IDENTITY 0x00000001)',
                'cpu1: its FPU computed 2.5 * 4 = 0x0000000a'] : "UART lines:\n${uart.join('\n')}"
assert log.contains('Firmware exited with status 0') : 'no clean exit reported'
assert log.contains('remote is a child image of app; firmware:run boots the whole tree there')

File out = new File(basedir, 'dual-core-qemu/app/target/firmware')
File mergedDomains = s.requireFile(new File(out, 'merged_domains.hex'))
assert log.readLines().any { it.contains('Booting ') && it.contains('merged_domains.hex on QEMU machine mps2-an521') }

// One layout per domain, in the two parts of the shared code memory.
assert s.partition(new File(out, 'partitions.yml'), 'app') == '0x10000000 0x380000'
assert s.partition(new File(out, 'partitions_CPU1.yml'), 'remote') == '0x10380000 0x80000'
assert new File(out, 'app/pm_config.h').text.contains('#define PM_CPU1_REMOTE_ADDRESS 0x10380000')
File merged = s.requireFile(new File(out, 'merged.hex'))
File mergedCpu1 = s.requireFile(new File(out, 'merged_CPU1.hex'))
s.assertContainsUnchanged(mergedDomains, merged)
s.assertContainsUnchanged(mergedDomains, mergedCpu1)
s.assertContainsUnchanged(mergedCpu1, new File(basedir, 'dual-core-qemu/remote/target/firmware/remote/remote.hex'))

// The CPU1 module built its own image, placed by app's tree.
String remoteLog = new File(basedir, 'dual-core-qemu/remote/target/firmware/remote/build.log').text
assert remoteLog.contains('remote: building from source with gnu-arm at 0x10380000')
return true
