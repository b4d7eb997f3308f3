// boot [0x0, 0x4000) and recovery [0x2000, 0x6000) overlap: the message names both and the range.
def log = new File(basedir, 'build.log').text
def expected = "static partitions 'boot' [0x0, 0x4000) and 'recovery' [0x2000, 0x6000) overlap by 0x2000 bytes"
assert log.contains(expected) : "expected in build.log: ${expected}"
assert log.contains('Partition layout of the default domain: app/pm_static.yml:1, app/pm_static.yml:5: ' + expected)
assert !new File(basedir, 'app/target/firmware/merged.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
