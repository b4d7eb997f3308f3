/*
 * Helpers shared by the sample integration tests (src/it/sample-*): where the repository is,
 * copying a sample into the test's directory, and reading Intel HEX files to compare bytes.
 * Its own IT (pom.xml, verify.groovy) tests these checks; each sample IT's setup.groovy and
 * verify.groovy evaluate this file, which returns one SampleChecks instance.
 */
class SampleChecks {

    /** The repository root: the nearest ancestor of dir holding samples/ and maven-plugin/pom.xml. */
    static File repositoryRoot(File dir) {
        for (File d = dir.absoluteFile; d != null; d = d.parentFile) {
            if (new File(d, 'samples').isDirectory() && new File(d, 'maven-plugin/pom.xml').isFile()) {
                return d
            }
        }
        throw new IllegalStateException("no repository root (samples/ and maven-plugin/pom.xml) above " + dir)
    }

    /** Copies samples/<name> into target, leaving out build outputs and deployed repositories. */
    static void copySample(File basedir, String name, File target) {
        File source = new File(repositoryRoot(basedir), 'samples/' + name)
        if (!new File(source, 'README.md').isFile()) {
            throw new IllegalStateException("sample " + source + " has no README.md")
        }
        copyTree(source, target)
    }

    /** Copies a directory tree, leaving out target/ and repository/ directories. */
    static void copyTree(File from, File to) {
        to.mkdirs()
        from.listFiles().sort { it.name }.each { File f ->
            if (f.isDirectory()) {
                if (!(f.name in ['target', 'repository'])) {
                    copyTree(f, new File(to, f.name))
                }
            } else {
                new File(to, f.name).bytes = f.bytes
            }
        }
    }

    /** The data bytes of an Intel HEX file: address to byte value, in address order. */
    static TreeMap<Long, Integer> readHex(File file) {
        TreeMap<Long, Integer> bytes = new TreeMap<>()
        long base = 0
        int lineNumber = 0
        for (String raw : file.readLines()) {
            lineNumber++
            String line = raw.trim()
            if (line.isEmpty()) {
                continue
            }
            if (!line.startsWith(':')) {
                throw new IllegalStateException(file.toString() + ':' + lineNumber + ': not an Intel HEX record')
            }
            int count = Integer.parseInt(line.substring(1, 3), 16)
            int offset = Integer.parseInt(line.substring(3, 7), 16)
            int type = Integer.parseInt(line.substring(7, 9), 16)
            String data = line.substring(9, 9 + 2 * count)
            switch (type) {
                case 0:
                    for (int i = 0; i < count; i++) {
                        bytes.put(base + offset + i, Integer.parseInt(data.substring(2 * i, 2 * i + 2), 16))
                    }
                    break
                case 2:
                    base = Long.parseLong(data, 16) << 4
                    break
                case 4:
                    base = Long.parseLong(data, 16) << 16
                    break
                default:
                    break // 01 end of file, 03/05 start address: no data
            }
        }
        return bytes
    }

    /** Fails unless every byte of part is in whole at the same address with the same value. */
    static void assertContainsUnchanged(File whole, File part) {
        Map<Long, Integer> all = readHex(whole)
        Map<Long, Integer> piece = readHex(part)
        if (piece.isEmpty()) {
            throw new AssertionError(part.toString() + ' holds no data')
        }
        for (Map.Entry<Long, Integer> e : piece.entrySet()) {
            Integer found = all.get(e.key)
            if (found != e.value) {
                throw new AssertionError(String.format('%s: byte at 0x%x is %s, expected 0x%02x from %s',
                        whole, e.key, found == null ? 'missing' : String.format('0x%02x', found), e.value, part))
            }
        }
    }

    /** The lowest and the highest data address of an Intel HEX file. */
    static List<Long> span(File file) {
        TreeMap<Long, Integer> bytes = readHex(file)
        if (bytes.isEmpty()) {
            throw new AssertionError(file.toString() + ' holds no data')
        }
        return [bytes.firstKey(), bytes.lastKey()]
    }

    /** sha256 of a file's bytes, lower-case hex. */
    static String sha256(File file) {
        return java.security.MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    }

    /** Fails with a message naming the file unless it exists. */
    static File requireFile(File file) {
        if (!file.isFile()) {
            throw new AssertionError('missing ' + file)
        }
        return file
    }

    /** The partition entry name of partitions.yml as "address size", e.g. "0x1000000 0x40000". */
    static String partition(File partitionsYml, String name) {
        List<String> lines = requireFile(partitionsYml).readLines()
        int at = lines.indexOf(name + ':')
        if (at < 0) {
            throw new AssertionError(partitionsYml.toString() + ' has no partition ' + name + ':\n' + partitionsYml.text)
        }
        String address = null
        String size = null
        for (int i = at + 1; i < lines.size() && lines[i].startsWith('  '); i++) {
            String l = lines[i].trim()
            if (l.startsWith('address: ')) {
                address = l.substring('address: '.length())
            } else if (l.startsWith('size: ')) {
                size = l.substring('size: '.length())
            }
        }
        return address + ' ' + size
    }
}

return new SampleChecks()
