// The download whose .sha1 does not match is refused, the artifact named; nothing is merged.
try {
    def log = new File(basedir, 'build.log').text.split('Running post-build script')[0]
    def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert failure != null : 'the build did not fail'
    assert failure.contains('Cannot resolve prebuilt HEX io.multiimage.it.badsum:boot:hex:1.0') : failure
    assert failure =~ /(?i)checksum/ : failure
    assert context.get('repositoryServer').requests().contains('GET /io/multiimage/it/badsum/boot/1.0/boot-1.0.hex 200')
    assert !new File(basedir, 'app/target/firmware/merged.hex').exists() : 'a firmware was merged from a corrupted download'
    assert !new File(localRepositoryPath, 'io/multiimage/it/badsum/boot/1.0/boot-1.0.hex').exists() : 'the corrupted download was kept'
    assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
} finally {
    context.get('repositoryServer').close()
}
return true
