// The signed sample builds; one changed byte in the application or in the second stage is refused
// at boot with a UART line saying why, firmware:verify names image, partition and address, and a
// release build refuses the development key.
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/)
        .findAll { it.contains('Scanning for projects') }
assert builds.size() == 6 : "expected six builds, found ${builds.size()}"
def uart = { String log -> log.readLines().findAll { it.contains('[uart] ') }.collect { it.substring(it.indexOf('[uart] ') + 7).trim() } }

def build = builds[0]
assert build.contains('[INFO] app: signed for mcuboot_primary (0x00014000-0x0002a000, 0x16000 bytes), header mcuboot_pad (0x200 bytes), version 0.1.0+0, key <signing><keyFile> ../keys/dev-ed25519.pem')
assert build.contains('[INFO] mcuboot: signed for s0 (0x00008000-0x00014000, 0xc000 bytes), header s0_pad (0x200 bytes)')
assert build.contains('[INFO] Verified merged.hex: ')
def firmware = new File(basedir, 'sample/app/target/firmware')
['app_signed.hex', 'app_update.bin', 'app_test_update.hex', 'app_moved_test_update.hex', 'dfu_application.zip'].each {
    assert new File(firmware, it).isFile() : "missing ${it}"
}
assert new File(basedir, 'sample/mcuboot/target/firmware/mcuboot/mcuboot_signed.hex').isFile()
assert new File(firmware, 'build-info.json').text.contains('"signing" : {')
// Attached with classifiers: install (as deploy) publishes them.
def installed = new File(localRepositoryPath, 'io/multiimage/samples')
['app-signed.hex', 'app-update.bin', 'app-test-update.hex', 'app-moved-test-update.hex', 'dfu-application.zip',
 'layout.txt', 'merged.hex', 'build-info.json'].each {
    assert new File(installed, "app/0.1.0-SNAPSHOT/app-0.1.0-SNAPSHOT-${it}").isFile() : "app did not publish ${it}"
}
assert new File(installed, 'mcuboot/0.1.0-SNAPSHOT/mcuboot-0.1.0-SNAPSHOT-signed.hex').isFile()
assert new File(installed, 'mcuboot/0.1.0-SNAPSHOT/mcuboot-0.1.0-SNAPSHOT-layout.txt').text.contains('boots-into mcuboot_primary 0x00014000')
assert new File(installed, 'b0/0.1.0-SNAPSHOT/b0-0.1.0-SNAPSHOT-layout.txt').text.contains('boots-into s0 0x00008000')

def app = uart(builds[2])
assert app.last().startsWith('mcuboot: refusing app in mcuboot_primary at 0x00014000: SHA-256 mismatch: the image hashes to ') : app.join('\n')
assert !app.any { it.startsWith('app:') } : 'the tampered application must not run'
assert builds[2].contains('Booting ') && builds[2].contains('tampered-app.hex as it is (not built)')
assert builds[2].contains('The firmware exited with status 2 (semihosting exit)')

def mcuboot = uart(builds[3])
assert mcuboot.size() == 2 : mcuboot.join('\n')
assert mcuboot[1].startsWith('b0: refusing mcuboot in s0 at 0x00008000: SHA-256 mismatch: ') : mcuboot.join('\n')

def verify = builds[4]
assert verify.contains("image 'app' in partition 'mcuboot_primary' at 0x00014000 is not valid: HASH") : verify
assert !(verify =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'

def release = builds[5]
assert release.contains("the key '<signing><keyFile> ../keys/dev-ed25519.pem' cannot sign a 'release' build: it is declared as a development key") : release
return true
