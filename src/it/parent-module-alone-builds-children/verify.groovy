// Only app was in the reactor; it read boot's POM itself and built boot into its own tree.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'app/target/firmware')
assert !new File(basedir, 'boot/target').exists() : 'boot was built as a reactor module'
assert log.contains('boot: building from source with gnu-arm at 0x0..0x4000 (0x4000 bytes) (partition boot)')
assert new File(out, 'boot/boot.hex').isFile()
assert new File(out, 'boot/.config').text.contains('CONFIG_BOOT_MARKER=y')
assert new File(out, 'merged.hex').isFile()
// -Dfirmware.verbose: every compiler and linker command line is logged.
assert log =~ /\[INFO\] \S*arm-none-eabi-gcc -mcpu=cortex-m3 .* -c main\.c -o \S*boot\/obj\/main\.c\.o/ : 'no compile command line'
assert log =~ /\[INFO\] \S*arm-none-eabi-gcc .* -T \S*app\.ld .* -o \S*app\.elf/ : 'no link command line'
return true
