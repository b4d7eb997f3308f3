import io.multiimage.hex.IntelHex

// Only boot was selected (-pl boot), but app, which declares it, is in the reactor: boot is placed by
// app's tree, exactly as in a full build, and built into its own target/. Nothing is merged.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'boot/target/firmware')
assert !new File(basedir, 'app/target').exists() : 'app was built'
assert log.contains('boot: building from source with gnu-arm at 0x0..0x4000 (0x4000 bytes) (partition boot)')
def boot = IntelHex.read(new File(out, 'boot/boot.hex').toPath())
assert boot.span().get().start() == 0
assert new File(out, 'boot/pm_config.h').text.contains('#define PM_APP_ADDRESS 0x4000')
['merged.hex', 'partitions.yml', 'build-info.json'].each {
    assert !new File(out, it).exists() : "a child module merges nothing and writes no layout: ${it}"
}
// VERBOSE=1 in the environment: command lines are logged.
assert log =~ /\[INFO\] \S*arm-none-eabi-gcc .* -T \S*boot\.ld .* -o \S*boot\.elf/ : 'no link command line'
return true
