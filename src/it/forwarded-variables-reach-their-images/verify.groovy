// Each forwarded variable reached exactly the image it names, in the generated .config / zephyr.dts.
def out = new File(basedir, 'app/target/firmware')
def log = new File(basedir, 'build.log').text
// Each module owns its image: app's outputs are in app/target, mcuboot's in mcuboot/target, ...
def config = { image -> new File(basedir, "${image}/target/firmware/${image}/.config").text }
def mcuboot = config('mcuboot')
assert mcuboot.contains('CONFIG_MCUBOOT_SOURCE="prj_a.conf"') : mcuboot       // mcuboot_CONF_FILE
assert !mcuboot.contains('CONFIG_MCUBOOT_SOURCE="prj.conf"') : mcuboot
assert mcuboot.contains('CONFIG_MCUBOOT_EXTRA1=y') && mcuboot.contains('CONFIG_MCUBOOT_EXTRA2=y') : mcuboot  // list with ';'
assert mcuboot.contains('CONFIG_MCUBOOT_ORDER="extra2"') : mcuboot            // in the given order
assert mcuboot.contains('CONFIG_MCUBOOT_OVERLAY=y') : mcuboot                 // mcuboot_OVERLAY_CONFIG
assert mcuboot.contains('CONFIG_MCUBOOT_LEVEL=3') : mcuboot                   // mcuboot_CONFIG_X
assert !mcuboot.contains('CONFIG_APP_LEVEL') : mcuboot                       // the parent's CONFIG_X stays with the parent
assert new File(basedir, 'mcuboot/target/firmware/mcuboot/zephyr.dts').text.contains('forwarded-marker {')  // mcuboot_DTC_OVERLAY_FILE
assert !new File(out, 'app/zephyr.dts').text.contains('forwarded-marker')
assert !new File(basedir, 'b0/target/firmware/b0/zephyr.dts').text.contains('forwarded-marker')

def app = config('app')
assert app.contains('CONFIG_APP_LEVEL=5') : app                               // CONFIG_X for the parent
assert !app.contains('CONFIG_MCUBOOT') : app

def b0 = config('b0')
assert b0.contains('CONFIG_B0_BANNER="forwarded"') : b0                       // mcuboot_b0_X for the grandchild
assert !b0.contains('CONFIG_MCUBOOT') : b0

def order = ["Merged configuration 'prj_a.conf'", "Merged configuration 'extra1.conf'",
             "Merged configuration 'extra2.conf'", "Merged configuration 'overlay.conf'",
             "Merged configuration 'command line'"]
// mcuboot's fragments, in merge order (app logs its own 'command line' fragment before them).
int at = log.indexOf(order[0])
order.each {
    at = log.indexOf(it, at)
    assert at >= 0 : "expected ${it} after the previous fragment in build.log"
}
// mcuboot_CMAKE_VERBOSE_MAKEFILE=ON: mcuboot's command lines are logged, nobody else's.
def compiles = log.readLines().findAll { it.contains('arm-none-eabi-gcc') && it.contains(' -c ') }
assert compiles.any { it.contains('mcuboot/obj/') } : 'no command line logged for mcuboot'
assert !compiles.any { it.contains('/app/obj/') || it.contains('/b0/obj/') } : 'only mcuboot was to be verbose'
// MULTI_IMAGE_DEBUG_MAKEFILE=explain: every image says why it was built.
['app', 'mcuboot', 'b0'].each { assert log.contains("[explain] ${it}: building because".toString()) : it }
return true
