// -Prelease: app takes prj_release.conf instead of prj.conf; boot gets child_image/boot_release.conf, not boot.conf.
def out = new File(basedir, 'app/target/firmware')
def log = new File(basedir, 'build.log').text
def app = new File(out, 'app/.config').text
def boot = new File(basedir, 'boot/target/firmware/boot/.config').text
assert app.contains('CONFIG_APP_VARIANT="release"') : app
assert !app.contains('CONFIG_APP_VARIANT="debug"') : app
assert boot.contains('CONFIG_BOOT_BANNER="release"') : boot
assert boot.contains('CONFIG_BOOT_LOG=y') : 'child_image/boot.conf must not apply under a build type:\n' + boot
assert log.contains("Merged configuration 'prj_release.conf'")
assert log.contains("Merged configuration 'app/child_image/boot_release.conf'")
assert !log.contains("Merged configuration 'app/child_image/boot.conf'")
assert new File(out, 'merged.hex').isFile()
return true
