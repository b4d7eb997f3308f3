// No arm-none-eabi-gcc in the configured toolchain directory: one error that says how to install it.
def log = new File(basedir, 'build.log').text
def expected = "arm-none-eabi-gcc not found (searched /nonexistent/gcc-arm, /nonexistent/gcc-arm/bin). Install the GNU Arm" +
        " Embedded toolchain with 'sudo apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi', or set" +
        " firmware.toolchain.path to the directory that holds arm-none-eabi-gcc."
assert log.contains(expected) : "expected in build.log: ${expected}"
assert !new File(basedir, 'app/target/firmware/app/app.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
