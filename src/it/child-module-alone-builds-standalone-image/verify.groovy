import io.multiimage.hex.IntelHex

// Only boot was in the reactor: it is the top of its own tree, placed in the partition its pm.yml
// asks for, at the start of flash as in app's tree (not behind an empty partition of its own).
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'boot/target/firmware')
assert !new File(basedir, 'app/target').exists() : 'app was built'
assert log.contains('boot: building from source with gnu-arm at 0x0..0x4000 (0x4000 bytes) (partition boot)')
assert new File(out, 'boot/boot.hex').isFile()
assert new File(out, 'merged.hex').isFile()
def partitions = new File(out, 'partitions.yml').text
assert partitions =~ /(?s)boot:\n  address: 0x0\n/
assert partitions =~ /(?s)app:\n  address: 0x4000\n/
def boot = IntelHex.read(new File(out, 'boot/boot.hex').toPath())
assert boot.span().get().start() == 0
assert IntelHex.read(new File(out, 'merged.hex').toPath()).segments() == boot.segments()
// VERBOSE=1 in the environment: command lines are logged.
assert log =~ /\[INFO\] \S*arm-none-eabi-gcc .* -T \S*boot\.ld .* -o \S*boot\.elf/ : 'no link command line'
return true
