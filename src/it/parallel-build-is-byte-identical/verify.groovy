// Every output of the -T 4 build equals the serial one byte for byte, in the same directories. Each
// module owns its image's outputs (boot/target/firmware/boot, ...); app's holds the tree's too.
def log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder implementation with a thread count of 4')
def files = { File root ->
    def names = new TreeSet()
    root.eachFileRecurse(groovy.io.FileType.FILES) { names << root.toPath().relativize(it.toPath()).toString() }
    names
}
def expectedOf = [
    app  : ['merged.hex', 'merged_domains.hex', 'build-info.json', 'partitions.yml', 'pm.config', 'app/app.hex',
            'app/app.elf', 'app/app.map', 'app/.config'],
    boot : ['boot/boot.hex', 'boot/pm_config.h'],
    extra: ['extra/extra.hex', 'extra/extra.bin', 'extra/zephyr.dts']]
int logs = 0
expectedOf.each { module, must ->
    def serial = new File(basedir, "${module}/serial-firmware")
    def parallel = new File(basedir, "${module}/target/firmware")
    def expected = files(serial)
    assert expected.containsAll(must) : "${module}: ${expected}"
    assert files(parallel) == expected : "${module}: ${files(parallel)} != ${expected}"
    // build.log records how the image was built (it names the number of parallel compile jobs):
    // a log, not an output, so it may differ; everything else must not.
    def outputs = expected.findAll { !it.endsWith('build.log') }
    logs += expected.size() - outputs.size()
    def different = outputs.findAll { new File(serial, it).bytes != new File(parallel, it).bytes }
    assert different.isEmpty() : "differ between the serial and the -T 4 build in ${module}: ${different}"
}
assert logs == 3 : "expected the three images' build.log, found ${logs}"
return true
