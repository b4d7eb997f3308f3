// The parent's child_image/ folder decides boot's configuration (spec: child-image-rules.md).
def out = new File(basedir, 'app/target/firmware')
def log = new File(basedir, 'build.log').text
def config = new File(basedir, 'boot/target/firmware/boot/.config').text
assert config.contains('CONFIG_BOOT_FROM_FOLDER=y') : config    // child_image/boot/prj.conf (G) ...
assert !config.contains('CONFIG_BOOT_DEFAULTS') : config        // ... replaces boot/prj.conf (A)
assert config.contains('CONFIG_BOOT_APPENDED=y') : config       // child_image/boot.conf (I) is appended
def dts = new File(basedir, 'boot/target/firmware/boot/zephyr.dts').text
assert dts.contains('folder-board-overlay {') : dts             // the folder's board overlay ...
assert !dts.contains('boot-own-overlay') : dts                  // ... replaces boot's own app.overlay
assert dts.contains('appended-overlay {') : dts                 // child_image/boot.overlay is added
def g = log.indexOf("Merged configuration 'app/child_image/boot/prj.conf'")
def i = log.indexOf("Merged configuration 'app/child_image/boot.conf'")
assert g >= 0 && i > g : 'expected the folder prj.conf, then boot.conf, in build.log'
return true
