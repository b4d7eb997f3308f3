// boot.hex has data at 0x4000, past its partition [0x0, 0x4000) where app begins.
def log = new File(basedir, 'build.log').text
def expected = "Image 'boot': the prebuilt HEX has data at 0x4000..0x4010, outside its partition boot at 0x0..0x4000 (0x4000 bytes)"
assert log.contains(expected) : "expected in build.log: ${expected}"
assert !new File(basedir, 'app/target/firmware/merged.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
