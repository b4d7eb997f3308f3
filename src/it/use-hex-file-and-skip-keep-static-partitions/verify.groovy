import io.multiimage.hex.IntelHex
import java.security.MessageDigest

// boot came from prebuilt/boot.hex (command line over the POM's skip), recovery was skipped
// (CONFIG_RECOVERY_BUILD_STRATEGY_SKIP_BUILD in app's prj.conf), app was built from source.
def out = new File(basedir, 'app/target/firmware')
def log = new File(basedir, 'build.log').text
def prebuilt = new File(basedir, 'app/prebuilt/boot.hex')
def sha256 = MessageDigest.getInstance('SHA-256').digest(prebuilt.bytes).encodeHex().toString()

assert log.contains('boot: build strategy use-hex (from -Dboot.buildStrategy)')
assert log.contains('recovery: build strategy skip (from CONFIG_RECOVERY_BUILD_STRATEGY_SKIP_BUILD at app/prj.conf:2)')
assert log.contains("boot: using prebuilt HEX prebuilt/boot.hex (sha256 ${sha256})".toString())
assert log.contains('recovery: skipped (build strategy skip); partition recovery stays reserved')
assert log.contains('Static partitions of the default domain from app/pm_static.yml')

// The prebuilt HEX is taken byte for byte; nothing is built for boot or recovery.
assert new File(out, 'boot/boot.hex').bytes == prebuilt.bytes
assert !new File(out, 'boot/boot.elf').exists()
assert !new File(out, 'recovery/recovery.hex').exists()

def partitions = new File(out, 'partitions.yml').text
assert partitions =~ /(?s)app:\n  address: 0x8000\n/ : partitions
assert partitions =~ /(?s)recovery:\n  address: 0x4000\n/ : partitions

// merged.hex: boot's bytes at 0x0, the reserved recovery partition empty, app from 0x8000.
def merged = IntelHex.read(new File(out, 'merged.hex').toPath())
def boot = IntelHex.read(prebuilt.toPath())
assert merged.read(0, 16, (byte) 0xff) == boot.read(0, 16, (byte) 0xff)
assert !merged.containsAny(0x10, 0x8000 - 0x10)
assert merged.contains(0x8000)

def info = new groovy.json.JsonSlurper().parse(new File(out, 'build-info.json'))
def byName = info.images.collectEntries { [it.name, it] }
assert byName.boot.strategy == 'use-hex' : byName.boot
assert byName.recovery.strategy == 'skip' : byName.recovery
assert byName.app.strategy == 'from-source' : byName.app
assert groovy.json.JsonOutput.toJson(byName.boot).contains(sha256)
return true
