// samples/dual-core with -Pprebuilt-netcore: the network core's HEX resolved by coordinates,
// placed in its static partition (app/pm_static_CPUNET.yml) and merged byte for byte.
File root = basedir.absoluteFile
while (root != null && !new File(root, 'src/it/sample-support/SampleSupport.groovy').isFile()) {
    root = root.parentFile
}
def s = new GroovyShell().evaluate(new File(root, 'src/it/sample-support/SampleSupport.groovy'))

File out = new File(basedir, 'dual-core/app/target/firmware')
String log = new File(basedir, 'build.log').text

// Step 1 installed the network core's HEX.
File installed = s.requireFile(new File(localRepositoryPath,
        'io/multiimage/samples/netcore/0.1.0-SNAPSHOT/netcore-0.1.0-SNAPSHOT.hex'))
File built = s.requireFile(new File(basedir, 'dual-core/netcore/target/firmware/netcore/netcore.hex'))
assert s.sha256(installed) == s.sha256(built)
assert s.span(installed)[0] == 0x01000000L

// Step 2 left the netcore module out of the reactor (profile prebuilt-netcore) ...
String step2 = log.substring(log.lastIndexOf('Reactor Build Order:'))
assert step2.contains('Building app 0.1.0-SNAPSHOT') && !step2.contains('Building netcore')

// ... and took it by coordinates into the static partition of the CPUNET domain.
assert log.contains('Static partitions of domain CPUNET from app/pm_static_CPUNET.yml')
assert log.contains('netcore: using prebuilt HEX io.multiimage.samples:netcore:0.1.0-SNAPSHOT')
assert s.partition(new File(out, 'partitions_CPUNET.yml'), 'netcore') == '0x1000000 0x40000'
assert s.partition(new File(out, 'partitions.yml'), 'app') == '0x0 0x100000'
assert s.sha256(new File(out, 'netcore/netcore.hex')) == s.sha256(installed)

// The prebuilt bytes appear unchanged in the CPUNET merge and in the merge of both domains.
File merged = s.requireFile(new File(out, 'merged.hex'))
File mergedNet = s.requireFile(new File(out, 'merged_CPUNET.hex'))
File mergedDomains = s.requireFile(new File(out, 'merged_domains.hex'))
s.assertContainsUnchanged(mergedNet, installed)
s.assertContainsUnchanged(mergedDomains, installed)
s.assertContainsUnchanged(mergedDomains, merged)
assert s.readHex(mergedNet) == s.readHex(installed)
assert s.span(merged)[1] < 0x00100000L

String info = s.requireFile(new File(out, 'build-info.json')).text
assert info.contains('use-hex')
return true
