// Copies samples/secure-boot as it is: signed with its development key.
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
return true
