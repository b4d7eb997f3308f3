import io.multiimage.hex.IntelHex
import java.security.MessageDigest

def server = context.get('repositoryServer')
try {
    def base = '/io/multiimage/it/httprepo/boot/1.0/boot-1.0.hex'
    def requests = server.requests()
    // Only requests that passed the password check reach the repository and are listed.
    assert requests.contains("PUT ${base} 201".toString()) : requests.join('\n')
    assert requests.contains("PUT ${base}.sha1 201".toString()) : requests.join('\n')
    // The image module publishes its HEX, and as the top of its own tree the merged files and build-info.json.
    ['boot-1.0-merged.hex', 'boot-1.0-merged-domains.hex', 'boot-1.0-build-info.json', 'boot-1.0.pom'].each {
        assert requests.contains("PUT /io/multiimage/it/httprepo/boot/1.0/${it} 201".toString()) : requests.join('\n')
    }
    assert requests.contains("GET ${base} 200".toString()) : requests.join('\n')
    assert requests.contains("GET ${base}.sha1 200".toString()) : requests.join('\n')
    def anonymous = new URL(server.url() + base.substring(1)).openConnection()
    assert anonymous.responseCode == 401 : 'the repository served a request without credentials'

    def deployed = new File(basedir, 'http-repo' + base)
    def sha256 = MessageDigest.getInstance('SHA-256').digest(deployed.bytes).encodeHex().toString()
    // Both invocations write to build.log: the consumer's build is the second one.
    def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
    assert builds.size() == 2 : "expected two builds in build.log, found ${builds.size()}"
    def consumerLog = builds[1]
    assert consumerLog.contains("boot: build strategy use-hex (from <childImage> 'boot' in app/pom.xml)")
    assert consumerLog.contains("boot: using prebuilt HEX io.multiimage.it.httprepo:boot:1.0 (sha256 ${sha256})".toString())

    def out = new File(basedir, 'consumer/app/target/firmware')
    assert new File(out, 'boot/boot.hex').bytes == deployed.bytes
    def merged = IntelHex.read(new File(out, 'merged.hex').toPath())
    def boot = IntelHex.read(deployed.toPath())
    assert merged.read(0, (int) boot.size(), (byte) 0xff) == boot.read(0, (int) boot.size(), (byte) 0xff)
    def info = new File(out, 'build-info.json').text
    assert info.contains('io.multiimage.it.httprepo:boot:1.0') && info.contains(sha256)
} finally {
    server.close()
}
return true
