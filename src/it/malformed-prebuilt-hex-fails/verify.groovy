// The checksum of line 2 of the prebuilt HEX is wrong: the message names FILE:LINE.
def log = new File(basedir, 'build.log').text
def hex = new File(basedir, 'app/prebuilt/boot.hex')
def expected = "Image 'boot': prebuilt HEX is not valid Intel HEX: ${hex.absolutePath}:2: "
assert log.contains(expected.toString()) : "expected in build.log: ${expected}"
assert log =~ /prebuilt\/boot\.hex:2: .*checksum/ : 'the message does not say the checksum is wrong'
assert !new File(basedir, 'app/target/firmware/merged.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
