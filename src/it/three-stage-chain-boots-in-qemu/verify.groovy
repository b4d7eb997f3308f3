import java.util.concurrent.TimeUnit

// The merged HEX of the three-level chain boots in QEMU: b0 at 0x0 starts mcuboot, which starts app.
def out = new File(basedir, 'app/target/firmware')
def merged = new File(out, 'merged.hex')
assert merged.isFile()
// Each module built its own image into its own target/.
['b0', 'mcuboot', 'app'].each {
    assert new File(basedir, "${it}/target/firmware/${it}/${it}.hex").isFile() : "missing ${it}/target/firmware/${it}/${it}.hex"
}
def partitions = new File(out, 'partitions.yml').text
assert partitions =~ /(?s)b0:\n  address: 0x0\n/ : partitions
assert partitions =~ /(?s)mcuboot:\n  address: 0x8000\n/ : partitions
assert partitions =~ /(?s)app:\n  address: 0x14000\n/ : partitions

def command = ['qemu-system-arm', '-machine', 'lm3s6965evb', '-nographic', '-monitor', 'none', '-serial', 'stdio',
               '-semihosting-config', 'enable=on,target=native', '-device', 'loader,file=' + merged.absolutePath]
def qemu = new ProcessBuilder(command).start()
qemu.outputStream.close()
// The UART is QEMU's standard output; its own diagnostics go to standard error.
def output = new StringBuffer()
def diagnostics = new StringBuffer()
boolean timedOut = false
def watchdog = Thread.start {
    if (!qemu.waitFor(60, TimeUnit.SECONDS)) {
        timedOut = true
        qemu.destroyForcibly()
    }
}
qemu.waitForProcessOutput(output, diagnostics)
watchdog.join()
assert !timedOut : "QEMU did not exit within 60 s; output so far:\n${output}${diagnostics}"
assert qemu.exitValue() == 0 : "QEMU exited ${qemu.exitValue()}:\n${output}${diagnostics}"

def lines = output.toString().readLines()*.trim().findAll { it }
def expected = ['b0: first-stage bootloader, booting mcuboot at 0x00008000',
                'mcuboot: second-stage bootloader, booting app at 0x00014000',
                'app: Hello from the application']
assert lines == expected : "boot output:\n${output}"
return true
