import io.multiimage.hex.IntelHex

// Compile only (no emulator): one layout and one merged HEX per domain, plus merged_domains.hex.
def out = new File(basedir, 'app/target/firmware')
['partitions.yml', 'partitions_CPUNET.yml', 'merged.hex', 'merged_CPUNET.hex', 'merged_domains.hex'].each {
    assert new File(out, it).isFile() : "missing ${it}"
}
def appLayout = new File(out, 'partitions.yml').text
def netLayout = new File(out, 'partitions_CPUNET.yml').text
assert appLayout =~ /(?s)app:\n  address: 0x0\n/ : appLayout
assert !appLayout.contains('net:') : appLayout
assert netLayout =~ /(?s)net:\n  address: 0x1000000\n/ : netLayout

def app = IntelHex.read(new File(out, 'app/app.hex').toPath())
def net = IntelHex.read(new File(basedir, 'net/target/firmware/net/net.hex').toPath())
def merged = IntelHex.read(new File(out, 'merged.hex').toPath())
def mergedNet = IntelHex.read(new File(out, 'merged_CPUNET.hex').toPath())
def domains = IntelHex.read(new File(out, 'merged_domains.hex').toPath())
assert app.span().get().start() == 0x0
assert net.span().get().start() == 0x1000000
assert merged.segments() == app.segments()
assert mergedNet.segments() == net.segments()
assert domains.segments() == app.segments() + net.segments()
assert domains.read(0x1000000, (int) net.size(), (byte) 0xff) == net.read(0x1000000, (int) net.size(), (byte) 0xff)
assert new File(basedir, 'net/target/firmware/net/pm_config.h').text.contains('#define PM_NET_ADDRESS 0x1000000')

def info = new groovy.json.JsonSlurper().parse(new File(out, 'build-info.json'))
assert info.images.find { it.name == 'net' }.toString().contains('CPUNET')
return true
