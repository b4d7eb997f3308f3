import io.multiimage.hex.IntelHex
import java.security.MessageDigest

// Two teams, one company repository. Whichever way Maven is invoked, a module publishes the bytes of
// its own image, placed by the tree it belongs to, and a clean build compiles each image once.
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def nexus = context.get('nexus')
def repos = context.get('repos')
def released = { String path -> nexus.download(repos.releases() + 'io/multiimage/it/teams/' + path) }
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/)
        .findAll { it.contains('Scanning for projects') }
assert builds.size() == 6 : "expected six builds in build.log, found ${builds.size()}"
def (deploy, fsblAlone, product, b0nAlone, replaced, enlarged) = builds

// 1. The bootloader reactor deployed each stage's own HEX, built once, into its own module.
def deployedFsbl = new File(basedir, 'deployed-fsbl.hex')
def deployedSsbl = new File(basedir, 'deployed-ssbl.hex')
deployedFsbl.bytes = released('fsbl/1.0/fsbl-1.0.hex').orElseThrow()
deployedSsbl.bytes = released('ssbl/1.0/ssbl-1.0.hex').orElseThrow()
assert deploy.count('fsbl: building from source') == 1 : 'fsbl compiled more or less than once'
assert deploy.count('ssbl: building from source') == 1 : 'ssbl compiled more or less than once'
assert IntelHex.read(deployedFsbl.toPath()).span().get().start() == 0x0
assert IntelHex.read(deployedSsbl.toPath()).span().get().start() == 0x4000
def uploaded = "Uploaded to company-releases: ${repos.releases()}io/multiimage/it/teams/".toString()
assert deploy.contains(uploaded + 'fsbl/1.0/fsbl-1.0.hex ')
// The first stage is a child: it publishes its image only, no merged file of its own.
assert !deploy.contains(uploaded + 'fsbl/1.0/fsbl-1.0-merged')
assert released('fsbl/1.0/fsbl-1.0-merged.hex').isEmpty()
assert deploy.contains(uploaded + 'ssbl/1.0/ssbl-1.0-merged.hex ')

// 2. -pl fsbl alone: placed by ssbl's tree as in the reactor, the same bytes as deployed.
assert fsblAlone.contains('fsbl: building from source with gnu-arm at 0x0..0x4000')
assert !fsblAlone.contains('Building ssbl')
def fsblHex = new File(basedir, 'fsbl/target/firmware/fsbl/fsbl.hex')
assert fsblHex.bytes == deployedFsbl.bytes : '-pl fsbl built other bytes than the reactor deployed'

// 3. The product: the chain downloaded, pins honoured and named in the log; every image built
// from source compiled exactly once in a clean build.
assert product.contains('fsbl: build strategy use-hex (from <childImage> \'fsbl\' in app/pom.xml), sha256'
        + ' pinned by the sha256 of <childImage> \'fsbl\' in app/pom.xml')
assert product.contains("fsbl: using prebuilt HEX io.multiimage.it.teams:fsbl:1.0 (sha256 ${sha256(deployedFsbl)})".toString())
assert product.contains("ssbl: using prebuilt HEX io.multiimage.it.teams:ssbl:1.0 (sha256 ${sha256(deployedSsbl)})".toString())
['app', 'netcore', 'b0n'].each {
    assert product.count("${it}: building from source".toString()) == 1 : "${it} compiled more or less than once"
}
// The network core's bootloader inherits the cpuapp board from the parent POM, yet is in
// CPUNET: it builds for the network core's board (no FPU), at the start of the network core's flash.
assert product.contains('netcore: board nrf5340dk/nrf5340/cpunet (the board of domain CPUNET on nrf5340dk/nrf5340/cpuapp)')
def b0nCompile = product.readLines().find { it.contains('arm-none-eabi-gcc') && it.contains('b0n/obj/main.c.o') }
assert b0nCompile != null : 'no compile line for b0n'
assert b0nCompile.contains('-mcpu=cortex-m33+nodsp') && b0nCompile.contains('-mfloat-abi=soft') : b0nCompile
assert !b0nCompile.contains('-mfpu=fpv5-sp-d16') : b0nCompile
def out = new File(basedir, 'product/app/target/firmware')
def merged = IntelHex.read(new File(out, 'merged.hex').toPath())
def fsbl = IntelHex.read(deployedFsbl.toPath())
assert merged.read(0, (int) fsbl.size(), (byte) 0xff) == fsbl.read(0, (int) fsbl.size(), (byte) 0xff)
// Each module's outputs are its own: nothing of netcore or b0n under app/target.
assert !new File(out, 'netcore').exists() && !new File(out, 'b0n').exists()
def mergedNet = IntelHex.read(new File(out, 'merged_CPUNET.hex').toPath())

// 4. -pl b0n alone gives the bytes the full build merged into merged_CPUNET.hex.
def b0n = IntelHex.read(new File(basedir, 'product/b0n/target/firmware/b0n/b0n.hex').toPath())
assert b0n.span().get().start() == 0x01000000
assert mergedNet.read(0x01000000, (int) b0n.size(), (byte) 0xff) == b0n.read(0x01000000, (int) b0n.size(), (byte) 0xff)
assert b0nAlone.count('b0n: building from source') == 1

// 5. -Dssbl.hexFile replaces the HEX of a pinned child: the pin still applies, and says where it is from.
assert replaced.contains("ssbl: build strategy use-hex (from -Dssbl.hexFile), sha256 pinned by the sha256 of"
        + " <childImage> 'ssbl' in app/pom.xml (still applies; give ssbl.sha256 to pin the new HEX)")
def failure = replaced.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
assert failure != null && failure.contains("Image 'ssbl': prebuilt HEX tampered.hex has sha256")
assert failure.contains("is pinned") : failure

// 6. Each stage is published with the layout it was built for; a product whose layout moves the
// application away from where the released second stage jumps fails, naming both addresses.
assert deploy.contains(uploaded + 'ssbl/1.0/ssbl-1.0-layout.txt ')
def ssblLayout = new String(released('ssbl/1.0/ssbl-1.0-layout.txt').orElseThrow(), 'UTF-8')
assert ssblLayout.contains('partition ssbl 0x00004000 0x8000') : ssblLayout
assert ssblLayout.contains('boots-into app 0x0000c000') : ssblLayout
assert new String(released('fsbl/1.0/fsbl-1.0-layout.txt').orElseThrow(), 'UTF-8').contains('boots-into ssbl 0x00004000')
assert product.contains('[INFO] Verified merged.hex: ')
assert enlarged.contains('This layout disagrees with the layout prebuilt images were built for') : enlarged
assert enlarged.contains('ssbl     boots into app            at 0x0000c000, this layout puts it at 0x00010000') : enlarged
assert !enlarged.contains('app: building from source') : 'nothing may be compiled for a layout the chain was not built for'
return true
