import java.time.Instant

// Both invocations write to build.log: split it at Maven's first line.
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/).findAll { it.contains('Scanning for projects') }
assert builds.size() == 2 : "expected two builds in build.log, found ${builds.size()}"
def (first, second) = builds
assert first.contains('boot: building from source') && first.contains('app: building from source')
assert first.contains('Wrote merged.hex')

assert !second.contains('building from source') : 'the second build compiled something'
assert !second.contains('Wrote ') : 'the second build rewrote a merged file'
assert second.contains('boot: up to date')
assert second.contains('app: up to date')
assert second.contains('[explain] app: nothing changed since the last build')
assert second.contains('[explain] boot: nothing changed since the last build')

// No file under target/firmware was written after the first build ended ("Finished at" has
// whole seconds; the second Maven needs well over a second to start).
def finished = Instant.parse((first =~ /Finished at: (\S+)/)[0][1]).toEpochMilli() + 1000
def touched = []
['app', 'boot'].each { module ->
    new File(basedir, "${module}/target/firmware").eachFileRecurse(groovy.io.FileType.FILES) {
        if (it.lastModified() >= finished) touched << "${module}: ${it.name}"
    }
}
assert touched.isEmpty() : "rewritten by the no-op build: ${touched}"
return true
