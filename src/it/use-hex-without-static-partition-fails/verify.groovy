// A prebuilt image needs a static partition; the message shows the pm_static.yml entry to add
// (Maven prefixes each line of a multi-line message with [ERROR]).
def log = new File(basedir, 'build.log').text
def expected = ["Image 'boot' uses build strategy use-hex, which needs a static partition, but app/pm_static.yml has no" +
                " partition 'boot'. Add this entry to app/pm_static.yml:",
                'boot:',
                '  address: <address>',
                '  size: <size>',
                '  region: flash_primary'].join('\n[ERROR] ')
assert log.contains(expected) : "expected in build.log:\n${expected}"
assert !new File(basedir, 'app/target/firmware/merged.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
