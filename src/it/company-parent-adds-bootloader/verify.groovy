// app declares no child itself: boot comes from the parent POM's plugin configuration.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'app/target/firmware')
assert log.contains('boot: building from source with gnu-arm at 0x0..0x4000 (0x4000 bytes) (partition boot)')
assert new File(out, 'boot/.config').text.contains('CONFIG_BOOT_MARKER=y')
assert new File(out, 'partitions.yml').text =~ /(?s)app:\n  address: 0x4000\n/
assert new File(out, 'merged.hex').isFile()
return true
