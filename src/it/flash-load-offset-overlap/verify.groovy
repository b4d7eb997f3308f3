import io.multiimage.hex.IntelHex

// boot [0x0, ...) and app [0x10, ...) are both placed by CONFIG_FLASH_LOAD_OFFSET, so no partition
// manager stands between them: the merge refuses their overlapping data, naming both and the range.
def out = new File(basedir, 'app/target/firmware')
def log = new File(basedir, 'build.log').text
def boot = IntelHex.read(new File(basedir, 'boot/target/firmware/boot/boot.hex').toPath()).span().get()
def app = IntelHex.read(new File(out, 'app/app.hex').toPath()).span().get()
assert boot.start() == 0 && app.start() == 0x10
long end = Math.min(boot.start() + boot.length(), app.start() + app.length())
assert end > 0x10 : "boot ends at ${end}: no overlap to report"
def expected = String.format('Merging domain CPUAPP failed: app: overlaps boot at 0x%08x-0x%08x (%d bytes)', 0x10, end - 1, end - 0x10)
assert log.contains(expected) : "expected in build.log: ${expected}"
assert !new File(out, 'merged.hex').exists()
assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
return true
