// Copies samples/secure-boot, then makes mcuboot jump 16 KiB past the application's partition:
// firmware:run must then fail, proving that the boot check of the sample can fail.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

def root = basedir.toPath().resolve('../../../..').normalize()
def sample = root.resolve('samples/secure-boot')
assert Files.isRegularFile(sample.resolve('pom.xml')) : "no sample at ${sample}"
def target = basedir.toPath().resolve('sample')
Files.walk(sample).withCloseable { files ->
    files.filter { Files.isRegularFile(it) && !sample.relativize(it).toString().contains('target') }.each { file ->
        def copy = target.resolve(sample.relativize(file).toString())
        Files.createDirectories(copy.parent)
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING)
    }
}
def main = new File(basedir, 'sample/mcuboot/src/main/c/main.c')
def patched = main.text.replace('chainload(PM_APP_ADDRESS,', 'chainload(PM_APP_ADDRESS + 0x4000,')
assert patched != main.text : 'the sample no longer calls chainload(PM_APP_ADDRESS, ...): update this IT'
main.text = patched
return true
