import io.multiimage.hex.IntelHex

// mvn package built boot (from source, at the start of flash) and app (the rest), and merged them.
// Each module owns its image: boot's outputs are in boot/target, app's and the tree's in app/target.
def out = new File(basedir, 'app/target/firmware')
def dirOf = [app: new File(out, 'app'), boot: new File(basedir, 'boot/target/firmware/boot')]
def log = new File(basedir, 'build.log').text
// Also run on Maven 3.8.7, the oldest Maven the plugin supports, by maven-plugin's invoker
// execution "maven-3.8.7" (cloned to it-maven-3.8.7/, goals -V package): check which Maven ran.
if (basedir.path.contains('it-maven-3.8.7')) {
    assert log =~ /Apache Maven 3\.8\.7\b/ : 'must run on Maven 3.8.7:\n' + log.readLines().take(5).join('\n')
}

['boot', 'app'].each { image ->
    ['.config', 'autoconf.h', 'zephyr.dts', 'pm_config.h', "${image}.elf", "${image}.hex", "${image}.bin", "${image}.map"].each {
        assert new File(dirOf[image], it).isFile() : "missing ${dirOf[image]}/${it}"
    }
}
assert !new File(out, 'boot').exists() : "boot's outputs belong to the boot module, not app/target"
['partitions.yml', 'merged.hex', 'build-info.json'].each {
    assert !new File(basedir, "boot/target/firmware/${it}").exists() : "boot is a child: no ${it} of its own"
}
['partitions.yml', 'regions.yml', 'pm.config', 'merged.hex', 'merged_domains.hex', 'build-info.json'].each {
    assert new File(out, it).isFile() : "missing ${it}"
}
assert new File(dirOf.boot, '.config').text.contains('CONFIG_BOOT_MARKER=y')
assert new File(out, 'app/.config').text.contains('CONFIG_APP_MARKER=y')
assert new File(out, 'app/pm_config.h').text.contains('#define PM_BOOT_ADDRESS 0x0')

def partitions = new File(out, 'partitions.yml').text
assert partitions =~ /(?s)boot:\n.*?address: 0x0\n.*?size: 0x4000/ : partitions
assert partitions =~ /(?s)app:\n  address: 0x4000\n/ : partitions

// The merged image holds both: boot's vector table at 0x0, app's at 0x4000, nothing in between.
def merged = IntelHex.read(new File(out, 'merged.hex').toPath())
def boot = IntelHex.read(new File(dirOf.boot, 'boot.hex').toPath())
def app = IntelHex.read(new File(out, 'app/app.hex').toPath())
assert boot.span().get().start() == 0
assert app.span().get().start() == 0x4000
assert merged.segments() == boot.segments() + app.segments()
assert merged.read(0, (int) boot.size(), (byte) 0) == boot.read(0, (int) boot.size(), (byte) 0)
assert merged.read(0x4000, (int) app.size(), (byte) 0) == app.read(0x4000, (int) app.size(), (byte) 0)

def info = new groovy.json.JsonSlurper().parse(new File(out, 'build-info.json'))
assert info.images*.name == ['app', 'boot'] : info.images*.name

// The boot module built its own image first; app's build found it up to date.
// The module's artifact is the very file it built.
assert log.contains('boot: building from source with gnu-arm') && log.count('boot: building from source') == 1
assert log.contains('boot: building from source with gnu-arm at 0x0..0x4000 (0x4000 bytes) (partition boot)') : 'boot was not built from source'
assert log.contains('boot: up to date')
assert log.contains('app: building from source with gnu-arm at 0x4000..0x40000 (0x3c000 bytes) (partition app)')
// Conditions: boot's symbol is set in app's prj.conf; extra's symbol and tool's property are not.
assert log.contains('extra: left out (CONFIG_APP_WITH_EXTRA is not set for app)')
assert log.contains('tool: left out (property it.with.tool is not set for app)')
assert !new File(out, 'extra').exists() && !new File(out, 'tool').exists()
assert !partitions.contains('extra') && !partitions.contains('tool')
return true
