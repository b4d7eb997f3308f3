import io.multiimage.hex.IntelHex
import io.multiimage.hex.SRecord
import java.nio.ByteBuffer
import java.nio.ByteOrder

// Run 1 installed the tree with <mergeFormats> bin, srec, uf2; run 2 rebuilt it with
// -Dfirmware.merge.binFill=0x00, which rewrote the binaries in target/ only.
def out = new File(basedir, 'app/target/firmware')
def repo = new File(localRepositoryPath, 'io/multiimage/it/formats/app/1.0')

def run(File dir, List<String> command) {
    def process = command.execute(null, dir)
    def stderr = new StringBuilder()
    process.consumeProcessErrorStream(stderr)
    assert process.waitFor() == 0 : "${command.join(' ')}: ${stderr}"
}

// srec_cat's binary of a HEX file: from its lowest address to its highest, gaps as fill.
def srecCatBinary(File hex, String fill, File dir) {
    def span = IntelHex.read(hex.toPath()).span().get()
    def bin = new File(dir, hex.name + '.' + fill + '.srec_cat.bin')
    run(dir, ['srec_cat', hex.path, '-Intel', '-fill', fill, "0x${Long.toHexString(span.start())}".toString(),
              "0x${Long.toHexString(span.end())}".toString(), '-offset', "-0x${Long.toHexString(span.start())}".toString(),
              '-o', bin.path, '-binary'])
    return bin.bytes
}

// Every merged file in each format beside its HEX; no binary of both domains (two cores' memories).
['merged', 'merged_CPUNET', 'merged_domains'].each { base ->
    ['hex', 'srec', 'uf2'].each { assert new File(out, "${base}.${it}").isFile() : "missing ${base}.${it}" }
}
assert new File(out, 'merged.bin').isFile() && new File(out, 'merged_CPUNET.bin').isFile()
assert !new File(out, 'merged_domains.bin').exists()

// Installed beside the HEX: the same classifier, the format as the type.
def installed = [:]
['merged', 'merged-CPUNET', 'merged-domains'].each { classifier ->
    ['hex', 'srec', 'uf2'].each { type ->
        def file = new File(repo, "app-1.0-${classifier}.${type}")
        assert file.isFile() : "not installed: ${file}"
        installed["${classifier}.${type}"] = file
    }
}
['merged', 'merged-CPUNET'].each { installed["${it}.bin"] = new File(repo, "app-1.0-${it}.bin") }
assert installed['merged.bin'].isFile() && installed['merged-CPUNET.bin'].isFile()
assert !new File(repo, 'app-1.0-merged-domains.bin').exists()

def work = new File(basedir, 'target/check')
work.mkdirs()
// The installed binaries (fill 0xff, run 1) are what srec_cat makes of the installed HEX files.
assert installed['merged.bin'].bytes == srecCatBinary(installed['merged.hex'], '0xff', work)
assert installed['merged-CPUNET.bin'].bytes == srecCatBinary(installed['merged-CPUNET.hex'], '0xff', work)
// boot (0x0..) and app (0x4000..) leave a gap: the fill byte shows.
def mergedHex = IntelHex.read(installed['merged.hex'].toPath())
assert mergedHex.segments().size() >= 2 : mergedHex.segments()
// Run 2's binaries hold 0x00 there, as srec_cat with that fill.
assert new File(out, 'merged.bin').bytes == srecCatBinary(new File(out, 'merged.hex'), '0x00', work)
assert new File(out, 'merged.bin').bytes != installed['merged.bin'].bytes

// The S-records: srec_cat reads them to the data of the HEX; so does hexformat.
['merged', 'merged-CPUNET', 'merged-domains'].each { c ->
    def hex = new File(work, "${c}.from-srec.hex")
    run(work, ['srec_cat', installed["${c}.srec"].path, '-Motorola', '-o', hex.path, '-Intel'])
    def expected = IntelHex.read(installed["${c}.hex"].toPath()).sha256()
    assert IntelHex.read(hex.toPath()).sha256() == expected : c
    assert SRecord.read(installed["${c}.srec"].toPath()).sha256() == expected : c
}

// The UF2 files: 512-byte blocks with the magic numbers, family id flag and id, 256-byte
// payloads holding the HEX's bytes, numbered from 0 with the total in each.
['merged', 'merged-CPUNET', 'merged-domains'].each { c ->
    def image = IntelHex.read(installed["${c}.hex"].toPath())
    byte[] uf2 = installed["${c}.uf2"].bytes
    assert uf2.length % 512 == 0
    int blocks = uf2.length / 512
    long covered = 0
    for (int i = 0; i < blocks; i++) {
        def b = ByteBuffer.wrap(uf2, i * 512, 512).slice().order(ByteOrder.LITTLE_ENDIAN)
        assert b.getInt(0) == 0x0A324655 && b.getInt(4) == (int) 0x9E5D5157L && b.getInt(508) == 0x0AB16F30
        assert b.getInt(8) == 0x2000 && b.getInt(28) == (int) 0xADA52840L
        assert b.getInt(16) == 256 && b.getInt(20) == i && b.getInt(24) == blocks
        long address = Integer.toUnsignedLong(b.getInt(12))
        byte[] payload = Arrays.copyOfRange(uf2, i * 512 + 32, i * 512 + 288)
        assert payload == image.read(address, 256, (byte) 0xff) : "${c} block ${i}"
        for (long a = address; a < address + 256; a++) { if (image.contains(a)) covered++ }
    }
    assert covered == image.size() : "${c}: every data byte is in a block"
}

// build-info.json: every merged file's sha256, and where each binary starts.
def info = new groovy.json.JsonSlurper().parse(new File(out, 'build-info.json'))
['merged.hex', 'merged.bin', 'merged.srec', 'merged.uf2', 'merged_CPUNET.bin', 'merged_domains.uf2'].each {
    assert info.merged[it] == new File(out, it).bytes.digest('SHA-256') : it
}
assert info.mergedBinaries['merged.bin'] == [address: '0x0', size: "0x${Long.toHexString(new File(out, 'merged.bin').length())}".toString(), fill: '0x00']
assert info.mergedBinaries['merged_CPUNET.bin'].address == '0x1000000'
assert !info.mergedBinaries.containsKey('merged_domains.bin')
return true
