// A 401 names the <server> whose credentials were refused; a password in a repository URL is masked.
try {
    // Only Maven's output, not this script's own messages.
    def log = new File(basedir, 'build.log').text.split('Running post-build script')[0]
    def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert failure != null : 'the build did not fail'
    assert failure.contains("Cannot resolve prebuilt HEX io.multiimage.it.refused:boot:hex:1.0")
    assert failure.contains("refused the credentials of the <server> with id 'it-http-repo' in settings.xml (HTTP 401):"
            + " check that server's <username> and <password>") : failure
    assert failure.contains('leaky (http://***@127.0.0.1:') : failure
    assert !log.contains('hunter2') : 'a password from a repository URL was printed'
    assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
} finally {
    context.get('repositoryServer').close()
}
return true
