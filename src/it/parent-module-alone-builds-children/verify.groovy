// Only app was selected (-pl app): it built boot too, from boot's POM, into the directory boot's module
// owns (boot/target/firmware/boot), where the same bytes would be had boot been selected.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'app/target/firmware')
def bootOut = new File(basedir, 'boot/target/firmware/boot')
assert !log.contains('Building boot') : 'boot was built as a reactor module'
assert log.contains('boot: building from source with gnu-arm at 0x0..0x4000 (0x4000 bytes) (partition boot)')
assert new File(bootOut, 'boot.hex').isFile()
assert new File(bootOut, '.config').text.contains('CONFIG_BOOT_MARKER=y')
assert !new File(out, 'boot').exists()
assert new File(out, 'merged.hex').isFile()
// -Dfirmware.verbose: every compiler and linker command line is logged.
assert log =~ /\[INFO\] \S*arm-none-eabi-gcc -mcpu=cortex-m3 .* -c main\.c -o \S*boot\/obj\/main\.c\.o/ : 'no compile command line'
assert log =~ /\[INFO\] \S*arm-none-eabi-gcc .* -T \S*app\.ld .* -o \S*app\.elf/ : 'no link command line'
return true
