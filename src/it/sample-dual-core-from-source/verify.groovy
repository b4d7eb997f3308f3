// samples/dual-core, network core built from source: one layout per domain, the network core
// at the start of its own flash (0x01000000), a merged file per domain and one with both.
File root = basedir.absoluteFile
while (root != null && !new File(root, 'src/it/sample-support/SampleSupport.groovy').isFile()) {
    root = root.parentFile
}
def s = new GroovyShell().evaluate(new File(root, 'src/it/sample-support/SampleSupport.groovy'))

File out = new File(basedir, 'dual-core/app/target/firmware')
String log = new File(basedir, 'build.log').text

// Layout: CPUAPP's app takes the application core's whole flash, netcore the network core's.
assert s.partition(new File(out, 'partitions.yml'), 'app') == '0x0 0x100000'
assert s.partition(new File(out, 'partitions_CPUNET.yml'), 'netcore') == '0x1000000 0x40000'
assert !new File(out, 'partitions.yml').text.contains('netcore')
assert new File(out, 'app/pm_config.h').text.contains('#define PM_CPUNET_NETCORE_ADDRESS 0x1000000')

// Merged files: merged.hex (CPUAPP), merged_CPUNET.hex, merged_domains.hex holding both.
File merged = s.requireFile(new File(out, 'merged.hex'))
File mergedNet = s.requireFile(new File(out, 'merged_CPUNET.hex'))
File mergedDomains = s.requireFile(new File(out, 'merged_domains.hex'))
List<Long> netSpan = s.span(mergedNet)
assert netSpan[0] == 0x01000000L : "merged_CPUNET.hex starts at 0x${Long.toHexString(netSpan[0])}"
assert netSpan[1] < 0x01040000L
List<Long> appSpan = s.span(merged)
assert appSpan[0] == 0L && appSpan[1] < 0x00100000L
s.assertContainsUnchanged(merged, new File(out, 'app/app.hex'))
s.assertContainsUnchanged(mergedNet, new File(basedir, 'dual-core/netcore/target/firmware/netcore/netcore.hex'))
s.assertContainsUnchanged(mergedDomains, merged)
s.assertContainsUnchanged(mergedDomains, mergedNet)
assert s.readHex(mergedDomains).size() == s.readHex(merged).size() + s.readHex(mergedNet).size()

// The network core module built its own image, placed by app's tree, into its own target/: no
// layout or merged file of its own, and nothing of it under app/target.
['merged.hex', 'partitions.yml', 'build-info.json'].each {
    assert !new File(basedir, "dual-core/netcore/target/firmware/${it}").exists() : it
}
assert !new File(out, 'netcore').exists()
assert log.contains('netcore: building from source with gnu-arm at 0x1000000')

// Each core compiled for its own CPU: hard float with the FPU on the application core, soft
// float without DSP on the network core.
assert log.readLines().any { it.contains('-mcpu=cortex-m33 ') && it.contains('-mfpu=fpv5-sp-d16 -mfloat-abi=hard') && it.contains('main.c') }
assert log.readLines().any { it.contains('-mcpu=cortex-m33+nodsp ') && it.contains('-mfloat-abi=soft') && it.contains('main.c') }

// The module's artifacts: the app's HEX, the merged files and build-info.json.
String info = s.requireFile(new File(out, 'build-info.json')).text
assert info.contains('"name" : "netcore"') && info.contains('CPUNET')
return true
