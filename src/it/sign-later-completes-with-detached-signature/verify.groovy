// A sign-later build writes the digest to sign, and needs no key; a later build completes the
// images with the detached signatures, verifies them and boots; a signature over other bytes fails.
import io.multiimage.signing.keys.PemKeys
import io.multiimage.signing.verify.McubootVerifier

def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/)
        .findAll { it.contains('Scanning for projects') }
assert builds.size() == 4 : "expected four builds, found ${builds.size()}"

def first = builds[0]
assert first.contains('[WARNING] app: sign-later: sign the 32 bytes') : first
assert first.contains('the bytes are in app/target/firmware/app/app.to-sign, the signature goes to app.sig in <signing><signatureDirectory>')
assert new File(basedir, 'sample/app/target/firmware/app/app.to-sign').length() == 32

def third = builds[2]
assert third.contains('app: signed for mcuboot_primary') && third.contains('detached signature app.sig (Ed25519 public key')
def uart = third.readLines().findAll { it.contains('[uart] ') }.collect { it.substring(it.indexOf('[uart] ') + 7).trim() }
assert uart.last() == 'app: Hello from the application' : uart.join('\n')
def key = PemKeys.readPublicKey(new File(basedir, 'signer-key.pub.pem').toPath())
def result = McubootVerifier.verify(new File(basedir, 'sample/app/target/firmware/app_update.bin').bytes, key)
assert result.valid() : result.report()
assert new File(basedir, 'sample/app/target/firmware/dfu_application.zip').isFile()

def fourth = builds[3]
assert fourth.contains("Signing image 'mcuboot' for slot s0: the detached Ed25519 signature does not verify with the public key") ||
        fourth.contains("Signing image 'app' for slot mcuboot_primary: the detached Ed25519 signature does not verify with the public key") : fourth
assert fourth.contains('no image was written')
return true
