// Tests the shared sample checks on hand-written Intel HEX and partitions.yml files.
def s = new GroovyShell().evaluate(new File(basedir, 'SampleSupport.groovy'))
File dir = new File(basedir, 'target/check-inputs')
dir.mkdirs()

// 0x01000000: 01 02 03 04 (after an extended linear address record), start address, EOF.
File part = new File(dir, 'part.hex')
part.text = ':020000040100F9\n:0400000001020304F2\n:0400000500000101F5\n:00000001FF\n'
assert s.readHex(part) == [(0x01000000L): 1, (0x01000001L): 2, (0x01000002L): 3, (0x01000003L): 4]
assert s.span(part) == [0x01000000L, 0x01000003L]

// The same bytes plus one more: contains part unchanged.
File whole = new File(dir, 'whole.hex')
whole.text = ':020000040100F9\n:050000000102030405EC\n:00000001FF\n'
s.assertContainsUnchanged(whole, part)

// One changed byte, and a missing range: both refused, naming the address.
File changed = new File(dir, 'changed.hex')
changed.text = ':020000040100F9\n:0400000001020309ED\n:00000001FF\n'
try {
    s.assertContainsUnchanged(changed, part)
    assert false : 'a changed byte was accepted'
} catch (AssertionError e) {
    assert e.message.contains('byte at 0x1000003 is 0x09, expected 0x04')
}
File elsewhere = new File(dir, 'elsewhere.hex')
elsewhere.text = ':0400000001020304F2\n:00000001FF\n'
try {
    s.assertContainsUnchanged(elsewhere, part)
    assert false : 'bytes at another address were accepted'
} catch (AssertionError e) {
    assert e.message.contains('byte at 0x1000000 is missing')
}

// partitions.yml entries as "address size".
File yml = new File(dir, 'partitions.yml')
yml.text = 'app:\n  address: 0xc000\n  end_address: 0x40000\n  region: flash_primary\n  size: 0x34000\n' +
        'mcuboot:\n  address: 0x0\n  end_address: 0xc000\n  region: flash_primary\n  size: 0xc000\n'
assert s.partition(yml, 'app') == '0xc000 0x34000'
assert s.partition(yml, 'mcuboot') == '0x0 0xc000'
try {
    s.partition(yml, 'b0')
    assert false : 'a missing partition was accepted'
} catch (AssertionError e) {
    assert e.message.contains('has no partition b0')
}

assert s.sha256(part) == java.security.MessageDigest.getInstance('SHA-256').digest(part.bytes).encodeHex().toString()
assert s.repositoryRoot(basedir) == s.repositoryRoot(new File(basedir, 'target'))
return true
