// A release build signs with the production key whose passphrase comes from settings.xml or the
// environment; neither the passphrase nor the key appears in the log, also with -X.
import io.multiimage.signing.keys.PemKeys
import io.multiimage.signing.verify.McubootVerifier

def text = new File(basedir, 'build.log').text
def builds = text.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 4 : "expected four builds, found ${builds.size()}"
assert !text.contains('it-signing-s3cret-phrase') : 'the passphrase appears in the log'
assert !text.contains('not-the-passphrase') : 'a passphrase appears in the log'
def keyLines = new File(basedir, 'release-key.pem').readLines().findAll { !it.startsWith('-----') }
keyLines.each { assert !text.contains(it) : 'the key file content appears in the log' }
assert builds[0].contains('[DEBUG]') : 'build 1 must run with -X'

[0, 1].each { i ->
    assert builds[i].contains('BUILD SUCCESS') : "build ${i + 1} failed"
    assert builds[i].contains('app: signed for mcuboot_primary') : "build ${i + 1} did not sign app"
    assert builds[i].contains('key -Dfirmware.signing.keyFile=release-key.pem (Ed25519 public key') : "build ${i + 1}: not the release key"
}
def key = PemKeys.readPublicKey(new File(basedir, 'release-key.pub.pem').toPath())
def update = new File(basedir, 'sample/app/target/firmware/app_update.bin').bytes
def result = McubootVerifier.verify(update, key)
assert result.valid() : result.report()
assert new File(basedir, 'sample/app/target/firmware/build-info.json').text.contains('"version" : "0.1.0+0"')

assert builds[2].contains("<signing><passphraseServer> names the settings.xml <server> with id 'no-such-server', but settings.xml has no <server> with that id")
assert builds[3].contains('wrong passphrase (the key did not decrypt)') : builds[3]
[builds[2], builds[3]].each { assert !(it =~ /\n\s+at io\.multiimage/) : 'a user error must not print a stack trace' }
return true
