// A 401 names the <server> whose credentials were refused; a password in a repository URL is masked.
def builds = new File(basedir, 'build.log').text.split('Running post-build script')[0]
        .split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 2 : "expected two builds in build.log, found ${builds.size()}"
builds.each { log ->
    assert log.readLines().any { it.startsWith('[ERROR] Failed to execute goal') } : 'a build did not fail'
    assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : 'a user error must not print a stack trace'
}
def failure = { log -> log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') } }

def stale = failure(builds[0])
assert stale.contains('Cannot resolve prebuilt HEX io.multiimage.it.refused:boot:hex:1.0')
assert stale.contains("refused the credentials of the <server> with id 'company-stale-password' in settings.xml (HTTP 401):"
        + " check that server's <username> and <password>") : stale
assert stale.contains('leaky (http://***@127.0.0.1:') : stale
assert !builds[0].contains('hunter2') : 'a password from a repository URL was printed'

def undecrypted = failure(builds[1])
assert undecrypted.contains("refused the credentials of the <server> with id 'company-other-machine' in settings.xml"
        + " (HTTP 401): its <password> is encrypted and Maven could not decrypt it") : undecrypted
assert undecrypted.contains('settings-security.xml') : undecrypted
return true
