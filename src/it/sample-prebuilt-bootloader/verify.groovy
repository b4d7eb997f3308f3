// samples/prebuilt-bootloader: the bootloader deployed to a file:// repository, consumed by
// coordinates with a pinned sha256 (a wrong pin fails), merged byte for byte, and booting.
import java.util.concurrent.TimeUnit

File root = basedir.absoluteFile
while (root != null && !new File(root, 'src/it/sample-support/SampleSupport.groovy').isFile()) {
    root = root.parentFile
}
def s = new GroovyShell().evaluate(new File(root, 'src/it/sample-support/SampleSupport.groovy'))

File sample = new File(basedir, 'prebuilt-bootloader')
String log = new File(basedir, 'build.log').text

// Step 1 deployed the HEX (with checksums) to the repository next to the project.
File release = new File(sample, 'repository/io/multiimage/samples/prebuilt/mcuboot/1.0.0')
File deployed = s.requireFile(new File(release, 'mcuboot-1.0.0.hex'))
s.requireFile(new File(release, 'mcuboot-1.0.0.hex.sha1'))
s.requireFile(new File(release, 'mcuboot-1.0.0.pom'))
assert s.span(deployed) == [0L, s.span(deployed)[1]] && s.span(deployed)[1] < 0xc000L
String actual = s.sha256(deployed)

// The pin committed in the sample's app/pom.xml is the HEX this toolchain builds.
String pinned = (new File(sample, 'app/pom.xml').text =~ /<sha256>([0-9a-f]{64})<\/sha256>/)[0][1]
assert pinned == actual : "samples/prebuilt-bootloader/app/pom.xml pins $pinned but the deployed mcuboot HEX has " +
        "sha256 $actual (another arm-none-eabi-gcc version?); update the pin and README"

// The wrong pin failed, saying what was found and what was pinned.
String wrong = 'f' * 64
assert log.contains("Image 'mcuboot': prebuilt HEX io.multiimage.samples.prebuilt:mcuboot:1.0.0 has sha256 $actual but $wrong is pinned")
assert !new File(sample, 'app-wrong-pin/target/firmware/merged.hex').exists()

// Step 2: the layout the bootloader was built for, and the prebuilt bytes unchanged in merged.hex.
File out = new File(sample, 'app/target/firmware')
assert s.partition(new File(out, 'partitions.yml'), 'mcuboot') == '0x0 0xc000'
assert s.partition(new File(out, 'partitions.yml'), 'app') == '0xc000 0x34000'
File merged = s.requireFile(new File(out, 'merged.hex'))
s.assertContainsUnchanged(merged, deployed)
s.assertContainsUnchanged(merged, new File(out, 'app/app.hex'))
assert s.sha256(new File(out, 'mcuboot/mcuboot.hex')) == actual
assert s.span(new File(out, 'app/app.hex'))[0] == 0xc000L

// And it boots: the prebuilt bootloader hands over to the application, which exits with 0.
Process qemu = new ProcessBuilder('qemu-system-arm', '-M', 'lm3s6965evb', '-nographic', '-monitor', 'none',
        '-serial', 'stdio', '-semihosting', '-device', 'loader,file=' + merged.absolutePath)
        .redirectErrorStream(true).start()
qemu.outputStream.close()
StringBuilder uart = new StringBuilder()
Thread reader = Thread.start { qemu.inputStream.eachLine { uart.append(it).append('\n') } }
if (!qemu.waitFor(60, TimeUnit.SECONDS)) {
    qemu.destroyForcibly()
    throw new AssertionError("QEMU did not exit within 60 s; output so far:\n$uart")
}
reader.join(5000)
assert qemu.exitValue() == 0 : "QEMU exit status ${qemu.exitValue()}:\n$uart"
String output = uart.toString()
int boot = output.indexOf('mcuboot: prebuilt bootloader, booting app at 0x0000c000')
int app = output.indexOf('app: Hello from the application on a prebuilt bootloader')
assert boot >= 0 && app > boot : "unexpected UART output:\n$output"
return true
