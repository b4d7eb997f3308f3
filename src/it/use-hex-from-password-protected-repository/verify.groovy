import io.multiimage.hex.IntelHex
import java.security.MessageDigest

def nexus = context.get('nexus')
def repos = context.get('repos')
def path = 'io/multiimage/it/httprepo/boot/1.0/'
// Both invocations write to build.log: the consumer's build is the second one.
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 3 : "expected three builds in build.log, found ${builds.size()}"
def (deployLog, consumerLog, redeployLog) = builds

// The image module published its HEX and, as the top of its own tree, the merged files and build-info.json.
['boot-1.0.hex', 'boot-1.0-merged.hex', 'boot-1.0-merged-domains.hex', 'boot-1.0-build-info.json', 'boot-1.0.pom'].each {
    assert deployLog.contains("Uploaded to company-releases: ${repos.releases()}${path}${it} ".toString()) : "${it} was not deployed"
    assert nexus.download(repos.releases() + path + it).isPresent() : "Nexus does not hold ${it}"
}
def deployed = nexus.download(repos.releases() + path + 'boot-1.0.hex').get()
def metadata = new String(nexus.download(repos.releases() + 'io/multiimage/it/httprepo/boot/maven-metadata.xml').get(), 'UTF-8')
assert metadata.contains('<version>1.0</version>') : metadata
// Nexus serves nothing without credentials.
assert nexus.anonymousStatus(repos.group() + path + 'boot-1.0.hex') == 401 : 'Nexus served a request without credentials'

// The consumer downloaded boot through the group, with the encrypted password of <server> company.
assert consumerLog.contains("Downloaded from company: ${repos.group()}${path}boot-1.0.hex".toString())
def sha256 = MessageDigest.getInstance('SHA-256').digest(deployed).encodeHex().toString()
assert consumerLog.contains("boot: build strategy use-hex (from <childImage> 'boot' in app/pom.xml)")
assert consumerLog.contains("boot: using prebuilt HEX io.multiimage.it.httprepo:boot:1.0 (sha256 ${sha256})".toString())

def out = new File(basedir, 'consumer/app/target/firmware')
assert new File(out, 'boot/boot.hex').bytes == deployed
def merged = IntelHex.read(new File(out, 'merged.hex').toPath())
def boot = IntelHex.read(new File(out, 'boot/boot.hex').toPath())
assert merged.read(0, (int) boot.size(), (byte) 0xff) == boot.read(0, (int) boot.size(), (byte) 0xff)
def info = new File(out, 'build-info.json').text
assert info.contains('io.multiimage.it.httprepo:boot:1.0') && info.contains(sha256)

// A release is deployed once: the second deploy is refused and what the consumer took is unchanged.
assert redeployLog =~ /company-releases.*(400|does not allow updating)/ : 'the second deploy of 1.0 was not refused'
assert nexus.download(repos.releases() + path + 'boot-1.0.hex').get() == deployed
return true
