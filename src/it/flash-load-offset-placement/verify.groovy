import io.multiimage.hex.IntelHex

// boot and app were placed by CONFIG_FLASH_LOAD_OFFSET, not by the partition manager: no layout
// files, no pm_config.h; merged.hex holds boot at 0x0 and app at 0x8000; firmware:run booted both.
def out = new File(basedir, 'app/target/firmware')
def log = new File(basedir, 'build.log').text

['partitions.yml', 'regions.yml', 'pm.config', 'boot/pm_config.h', 'app/pm_config.h'].each {
    assert !new File(out, it).exists() : "${it} must not exist: the partition manager did not run"
}
assert log.contains('The partition manager does not run for the default domain: every image there is placed by CONFIG_FLASH_LOAD_OFFSET')
assert log.contains('boot: placed by CONFIG_FLASH_LOAD_OFFSET (boot/prj.conf:2) at 0x0..0x8000 (0x8000 bytes), outside the partition manager')
assert log.contains('app: building from source with gnu-arm at 0x8000..0x40000 (0x38000 bytes) (CONFIG_FLASH_LOAD_OFFSET region (app/prj.conf:2))')
assert !log.contains('is ignored') : 'a clean offset placement warns about nothing'

// merged.hex: boot's vector table at 0x0, app's at 0x8000, exactly the two images' data.
def merged = IntelHex.read(new File(out, 'merged.hex').toPath())
def boot = IntelHex.read(new File(basedir, 'boot/target/firmware/boot/boot.hex').toPath())
def app = IntelHex.read(new File(out, 'app/app.hex').toPath())
assert boot.span().get().start() == 0
assert app.span().get().start() == 0x8000
assert merged.segments() == boot.segments() + app.segments()
assert merged.read(0, (int) boot.size(), (byte) 0) == boot.read(0, (int) boot.size(), (byte) 0)
assert merged.read(0x8000, (int) app.size(), (byte) 0) == app.read(0x8000, (int) app.size(), (byte) 0)

// build-info.json records how each image was placed, with the file that set the offset.
def info = new groovy.json.JsonSlurper().parse(new File(out, 'build-info.json'))
def images = info.images.collectEntries { [(it.name): it] }
assert images.keySet() == ['app', 'boot'] as Set
assert images.boot.placement == 'CONFIG_FLASH_LOAD_OFFSET'
assert images.boot.placementOrigin == 'boot/prj.conf:2'
assert images.boot.flash == [address: '0x0', size: '0x8000']
assert images.app.placement == 'CONFIG_FLASH_LOAD_OFFSET'
assert images.app.placementOrigin == 'app/prj.conf:2'
assert images.app.flash == [address: '0x8000', size: '0x38000']
assert images.values().every { !it.containsKey('partition') }

// firmware:partitions lists both images with their origin.
assert log.contains('placed by CONFIG_FLASH_LOAD_OFFSET (outside the partition manager)')
// In address order: boot, then app, each with its fill after the build.
assert log =~ /0x0 +0x8000 +0x8000 +CPUAPP +[\d.]+% +\| boot \(boot\/prj.conf:2\)\r?\n\[INFO\] +0x8000 +0x40000 +0x38000 +CPUAPP +[\d.]+% +\| app \(app\/prj.conf:2\)/

// firmware:run: boot starts, chain-loads app at 0x8000, app ends QEMU cleanly.
def uart = log.readLines().findAll { it.contains('[uart] ') }.collect { it.substring(it.indexOf('[uart] ') + 7).trim() }
assert uart == ['boot: at 0x0, starting the image at 0x8000', 'app: running at 0x8000'] : "UART lines:\n${uart.join('\n')}"
assert log.contains('Firmware exited with status 0') : 'no clean exit reported'
return true
