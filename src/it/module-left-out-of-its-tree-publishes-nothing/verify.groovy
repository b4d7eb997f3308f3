// A module whose image is not built in its tree (left out by a condition, or skipped) builds nothing
// and publishes nothing: no HEX is attached, install and deploy are skipped, and the build says why.
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/)
        .findAll { it.contains('Scanning for projects') }
assert builds.size() == 2
def (leftOut, skipped) = builds
assert leftOut.contains('boot: left out (property it.with.boot is not set for app)')
assert leftOut.contains('boot: not built from source in this build, it is left out of its image tree; module boot'
        + ' attaches no HEX, and is neither installed nor deployed')
def installed = new File(localRepositoryPath, 'io/multiimage/it/leftout/boot')
assert !installed.exists() : 'boot was installed though nothing was built'
assert new File(localRepositoryPath, 'io/multiimage/it/leftout/app/1.0/app-1.0.hex').isFile()
assert skipped.contains('boot: not built from source in this build, its build strategy is skip (-Dboot.buildStrategy)')
assert !skipped.contains('Exception')
return true
