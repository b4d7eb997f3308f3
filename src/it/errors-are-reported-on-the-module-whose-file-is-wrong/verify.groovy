// Every module configures the whole tree, and b0n runs first: each mistake must still fail the module
// whose file is wrong, naming the file, and Maven must suggest resuming from that module.
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/)
        .findAll { it.contains('Scanning for projects') }
assert builds.size() == 5 : "expected five builds, found ${builds.size()}"
def expectations = [
    [module: 'app', text: "Image 'app': a <childImages><childImage> in app/pom.xml has no <name>"],
    [module: 'app', text: 'app/pm_static_broken.yml:4'],
    [module: 'netcore', text: 'netcore/missing.conf'],
    [module: 'app', text: "app/pom.xml: <childImage> 'recovery': <sha256> is empty (an unset variable?): give a value or remove the element"],
    [module: 'netcore', text: "Image 'netcore' is in domain CPUNET, but the board of its parent 'app', nrf52840dk/nrf52840"
            + " (chip nrf52840), has no domain CPUNET (domains: CPUAPP): the images of one firmware must share a chip."],
]
expectations.eachWithIndex { expected, i ->
    def log = builds[i]
    def failure = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal') }
    assert failure != null : "build ${i + 1} did not fail:\n${log}"
    assert failure.contains("on project ${expected.module}:") : "build ${i + 1} failed on the wrong module: ${failure}"
    assert failure.contains(expected.text) : "build ${i + 1}: expected '${expected.text}' in: ${failure}"
    assert log.contains("mvn <args> -rf :${expected.module}") : "build ${i + 1}: Maven must suggest resuming from ${expected.module}"
    assert log.contains('[WARNING] b0n: not built: its image tree has a mistake in module ' + expected.module)
    assert !(log =~ /\n\s+at [\w.$]+ ?\(/) : "build ${i + 1}: a user error must not print a stack trace"
}
return true
