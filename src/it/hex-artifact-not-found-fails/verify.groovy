// No repository has boot 9.9: the message names the coordinates and every repository tried.
def log = new File(basedir, 'build.log').text
def expected = 'Cannot resolve prebuilt HEX io.multiimage.it.missingartifact:boot:hex:9.9 from local.central ('
assert log.contains(expected) : "expected in build.log: ${expected}"
assert log =~ /Cannot resolve prebuilt HEX [^\n]*Could not find artifact io\.multiimage\.it\.missingartifact:boot:hex:9\.9/
assert !new File(basedir, 'app/target/firmware/merged.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
