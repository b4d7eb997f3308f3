import groovy.json.JsonSlurper

// Four builds ran (invoker.properties): 1 installed 1.0.0, 2 compared the grown code with it and
// showed the partitions, 3 ran firmware:report against a build-info.json path, 4 failed on app's
// 256-byte flash budget after writing its outputs and the report.
def out = new File(basedir, 'app/target/firmware')
def log = new File(basedir, 'build.log').text
def json = new JsonSlurper()

// Build 1 installed build-info.json with the memory figures a later build compares with.
def installed = new File(localRepositoryPath, 'io/multiimage/it/memoryreport/app/1.0.0/app-1.0.0-build-info.json')
assert installed.isFile() : "build-info.json was not installed: ${installed}"
def baseline = json.parse(installed)
def appBefore = baseline.images.find { it.name == 'app' }
assert appBefore.memory.source == 'elf' && appBefore.memory.flashUsed > 0 : appBefore
assert baseline.layout.CPUAPP.boot.address == '0x0' && baseline.layout.CPUAPP.app.address == '0x4000' : baseline.layout

// Every build wrote the report beside build-info.json; boot's figures come from boot's own module.
['memory-report.json', 'memory-report.html', 'build-info.json', 'merged.hex'].each {
    assert new File(out, it).isFile() : "missing ${it}"
}
def report = json.parse(new File(out, 'memory-report.json'))
def app = report.images.find { it.name == 'app' }
def boot = report.images.find { it.name == 'boot' }
assert boot.file == 'boot/target/firmware/boot/boot.elf' : boot
assert app.source == 'elf' && app.partition == 'app'
assert app.flash.address == '0x4000' && app.flash.size == 0x3c000

// Against 1.0.0 (resolved by coordinates from the local repository): app grew by its table and counters.
assert report.baseline.label == 'io.multiimage.it.memoryreport:app:1.0.0'
def delta = report.baseline.images.find { it.name == 'app' }
assert delta.status == 'kept'
assert delta.flashBefore == appBefore.memory.flashUsed
assert delta.flashDelta >= 1024 : delta
assert delta.ramDelta >= 256 : delta
assert report.baseline.images.find { it.name == 'boot' }.flashDelta == 0
assert report.baseline.partitions == [] : 'no partition moved'
assert log =~ /\[INFO\] Memory: app \(CPUAPP\): flash \d+ of 245760 bytes \([\d.]+%\), RAM \d+ of 65536 bytes \([\d.]+%\); against the baseline: flash \+\d+, RAM \+\d+/

// firmware:partitions (build 2) shows how full each partition is after the build.
assert log =~ /\[INFO\]   0x4000 +0x40000 +0x3c000 +\d+\.\d% +app [\d.]+% +\| app/ : 'no fill column for app'
assert log =~ /\[INFO\]   0x20000000 +0x20010000 +0x10000 +\d+\.\d% +app RAM [\d.]+%, boot RAM [\d.]+% +\| sram_primary/

// firmware:report (build 3) compared with the build-info.json path given: nothing changed, nothing rebuilt.
assert log.contains('boot is a child image of app; the memory report of the tree is written there')
assert log =~ /\[INFO\] Memory: app \(CPUAPP\): .*; against the baseline: flash 0, RAM 0/
assert log =~ /\[INFO\] Memory report: \S+app\/target\/firmware\/memory-report\.html \(JSON: memory-report\.json\)/

// Builds 2 and 3 passed their budgets; build 4 failed on app's flash, naming the image, its size, the limit and the POM.
assert log.count('BUILD SUCCESS') == 3 : 'builds 1 to 3 succeed'
assert log =~ /Memory budget exceeded: image 'app' uses \d+ bytes of flash \([\d.]+% of its 245760 bytes\), over its limit of 256 declared in <report><budgets> of app\/pom\.xml/
def verdicts = report.budgets.collect { "${it.image}:${it.memory}:${it.status}".toString() }
assert verdicts == ['app:flash:exceeded', 'app:ram:passed', 'boot:flash:passed'] : verdicts
assert !(log =~ /(?s)Memory budget exceeded.*\tat io\.multiimage/) : 'a user mistake shows no stack trace'

// The HTML shows the comparison and the failed budget, self-contained.
def html = new File(out, 'memory-report.html').text
assert html.contains('<h2>Changes against io.multiimage.it.memoryreport:app:1.0.0</h2>')
assert html.contains('<td class="exceeded">exceeded</td>')
assert html.count('<svg ') == 2 : 'flash and RAM of the one domain'
assert !html.contains('<script')
return true
