// Every output of the -T 4 build equals the serial one byte for byte, in the same directory.
def log = new File(basedir, 'build.log').text
assert log.contains('MultiThreadedBuilder implementation with a thread count of 4')
def serial = new File(basedir, 'app/serial-firmware')
def parallel = new File(basedir, 'app/target/firmware')
def files = { File root ->
    def names = new TreeSet()
    root.eachFileRecurse(groovy.io.FileType.FILES) { names << root.toPath().relativize(it.toPath()).toString() }
    names
}
def expected = files(serial)
assert expected.containsAll(['merged.hex', 'merged_domains.hex', 'build-info.json', 'partitions.yml', 'pm.config',
                             'app/app.hex', 'app/app.elf', 'app/app.map', 'boot/boot.hex', 'extra/extra.hex',
                             'extra/extra.bin', 'app/.config', 'boot/pm_config.h', 'extra/zephyr.dts'])
assert files(parallel) == expected
// build.log records how the image was built (it names the number of parallel compile jobs):
// a log, not an output, so it may differ; everything else must not.
def outputs = expected.findAll { !it.endsWith('build.log') }
assert outputs.size() == expected.size() - 3 : "expected the three images' build.log among ${expected}"
def different = outputs.findAll { new File(serial, it).bytes != new File(parallel, it).bytes }
assert different.isEmpty() : "differ between the serial and the -T 4 build: ${different}"
return true
