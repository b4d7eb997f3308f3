// An image name is a directory name under target/firmware: '../x' is refused before anything is written.
def log = new File(basedir, 'build.log').text
def expected = "Image name '../x' cannot be used: it becomes a directory name, so use letters, digits, '_', '-' and '.'" +
        " only, starting with a letter, digit or '_' (no '/', no '..')"
assert log.contains(expected) : "expected in build.log: ${expected}"
assert !new File(basedir, 'app/target/x').exists()
assert !new File(basedir, 'app/target/firmware').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
