import java.security.MessageDigest

// The pinned sha256 does not match the prebuilt HEX: the build stops naming both digests, and merges nothing.
def log = new File(basedir, 'build.log').text
def prebuilt = new File(basedir, 'app/prebuilt/boot.hex')
def actual = MessageDigest.getInstance('SHA-256').digest(prebuilt.bytes).encodeHex().toString()
def pinned = '0' * 64
def expected = "Image 'boot': prebuilt HEX ${prebuilt.absolutePath} has sha256 ${actual} but ${pinned} is pinned;" +
        " check the artifact's origin, or update the pin if the new HEX is intended"
assert log.contains(expected.toString()) : "expected in build.log: ${expected}"
assert !new File(basedir, 'app/target/firmware/merged.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
