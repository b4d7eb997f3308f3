// A locked layout: enlarging the second stage moves the application's slot; the build fails with a
// before/after table until the change is accepted with a reason, which the log and build-info.json keep.
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/)
        .findAll { it.contains('Scanning for projects') }
assert builds.size() == 4 : "expected four builds, found ${builds.size()}"

def lock = new File(basedir, 'sample/app/layout.lock').text
['format 1', 'domain -', 'flash write-block 0x4 erase-block 0x400', 'immutable b0 0x00000000 0x8000',
 'slot s0 0x00008000 0xc000', 'immutable s0_pad 0x00008000 0x200', 'immutable mcuboot 0x00008200 0xbe00',
 'immutable mcuboot_pad 0x00014000 0x200', 'slot mcuboot_primary 0x00014000 0x16000',
 'slot mcuboot_secondary 0x0002a000 0x16000'].each { assert lock.contains(it + '\n') : "layout.lock lacks '${it}':\n${lock}" }
assert lock =~ /\nkey sha256 [0-9a-f]{64}\n/ : lock
assert builds[0].contains('[INFO] Wrote app/layout.lock (7 locked partitions, key sha256 ')
assert builds[0].contains('b0 is a child image of app; firmware:lock-layout writes the lock there')

def refused = builds[2]
assert refused.contains('The layout differs from app/layout.lock, which locks the immutable partitions, the slots and the signing key a released boot chain was built for:') : refused
assert refused.contains('[ERROR]   -       mcuboot            0x00008200-0x00014000 (0xbe00 bytes)   0x00008200-0x00018000 (0xfe00 bytes)') : refused
assert refused.contains('[ERROR]   -       mcuboot_primary    0x00014000-0x0002a000 (0x16000 bytes)  0x00018000-0x0002c000 (0x14000 bytes)') : refused
assert refused.contains('-Dfirmware.layout.accept="<reason>"')
assert !new File(basedir, 'sample/app/target/firmware/app_signed.hex').text.isEmpty()

def accepted = builds[3]
assert accepted.contains('[WARNING] Layout change accepted (bootloader 2.0 needs 16 KiB more); it differs from app/layout.lock:') : accepted
assert accepted.contains('BUILD SUCCESS')
def info = new File(basedir, 'sample/app/target/firmware/build-info.json').text
assert info.contains('"layoutChangeAccepted" : {') && info.contains('"reason" : "bootloader 2.0 needs 16 KiB more"') : info
assert new File(basedir, 'sample/app/target/firmware/partitions.yml').text.contains('mcuboot_pad:\n  address: 0x18000')
return true
