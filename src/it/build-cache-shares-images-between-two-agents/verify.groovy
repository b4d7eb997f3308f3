import java.nio.file.Files
import java.nio.file.Path

// Two CI agents, one build cache on Nexus: agent 2 takes what agent 1 built when the inputs are the
// same, byte for byte, and builds exactly the images whose inputs it changed.
def builds = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects)/)
        .findAll { it.contains('Scanning for projects') }
assert builds.size() == 8 : "expected eight builds in build.log, found ${builds.size()}"
def (agent1, agent2, agent2NoCache, appSource, fragment, forwarded, compiler, releaseKey) = builds
def images = ['b0', 'mcuboot', 'app']
def compiled = { String log -> images.findAll { log.contains("${it}: building from source".toString()) } as Set }

// The published files of a checkout (images, merged files, layout, build-info.json, update files), by path.
def published = { String checkout ->
    def dir = basedir.toPath().resolve(checkout)
    def files = [:]
    images.each { module ->
        def out = dir.resolve(module + '/target/firmware')
        if (Files.isDirectory(out)) {
            Files.walk(out).withCloseable { paths ->
                paths.filter { Files.isRegularFile(it) && !dir.relativize(it).toString().contains('/.state/')
                        && it.fileName.toString() =~ /\.(hex|bin|json|txt|zip|yml)$/ }
                        .each { files[dir.relativize(it).toString()] = Files.readAllBytes(it) }
            }
        }
    }
    return files
}

// 1. Agent 1 built every image and saved every module to Nexus.
assert compiled(agent1) == images as Set : 'agent 1 must compile every image'
assert agent1.contains('Build cache: the keys of b0, mcuboot, app include their images\' inputs')
assert agent1.count('Saved to remote cache') >= 3 || agent1.count('Saving to remote cache') >= 3 :
        'agent 1 saved its modules to the remote cache'
def cacheUrl = context.get('cacheUrl')

// 2. Agent 2 compiled nothing: every module came from Nexus, its outputs those of agent 1 byte for byte.
assert compiled(agent2).isEmpty() : "agent 2 compiled ${compiled(agent2)}"
def restored = { String log -> images.findAll { log.contains("Found cached build, restoring io.multiimage.samples:${it} from cache".toString()) } as Set }
assert restored(agent2) == images as Set : "agent 2 restored only ${restored(agent2)}"
def first = published('agent1')
def second = published('agent2')
assert first.keySet().contains('app/target/firmware/merged.hex')
assert first.keySet().contains('app/target/firmware/build-info.json')
assert first.keySet().contains('mcuboot/target/firmware/mcuboot/mcuboot.hex')
assert first.keySet() == second.keySet() : "agent 2 has other files: ${(first.keySet() - second.keySet()) + (second.keySet() - first.keySet())}"
first.each { path, bytes -> assert Arrays.equals(bytes, second[path]) : "${path} differs between the agents" }

// 3. The restored step records hold for the plugin's own incremental build: nothing compiled, same bytes.
assert compiled(agent2NoCache).isEmpty() : "after a restore the plugin compiled ${compiled(agent2NoCache)}"
images.each { assert agent2NoCache.contains("${it}: up to date".toString()) : "${it} not up to date after the restore" }
published('agent2').each { path, bytes -> assert Arrays.equals(bytes, first[path]) : "${path} changed" }

// 4. The application's source: only app is built; b0 and mcuboot come from the cache.
assert compiled(appSource) == ['app'] as Set : "an app source change compiled ${compiled(appSource)}"
assert restored(appSource) == ['b0', 'mcuboot'] as Set : "an app source change restored ${restored(appSource)}"
// 5. mcuboot's prj.conf: mcuboot is built, and app (the top merges every image, its key holds them all;
// its own outputs were moved away by the extension before it builds); b0 comes from the cache.
assert compiled(fragment) == ['mcuboot', 'app'] as Set : "a mcuboot fragment change compiled ${compiled(fragment)}"
assert restored(fragment) == ['b0'] as Set : "a mcuboot fragment change restored ${restored(fragment)}"
def banner = new String(Files.readAllBytes(basedir.toPath().resolve('agent2-mcuboot-fragment/mcuboot/target/firmware/mcuboot/mcuboot.bin')), 'ISO-8859-1')
assert banner.contains('second stage, agent 2') : 'mcuboot was taken from the cache with the old banner'
// 6. A variable forwarded to b0: b0 is built (and the top), mcuboot comes from the cache.
assert compiled(forwarded) == ['b0', 'app'] as Set : "a forwarded b0 variable compiled ${compiled(forwarded)}"
assert restored(forwarded) == ['mcuboot'] as Set : "a forwarded b0 variable restored ${restored(forwarded)}"
// 7. Another compiler (version): every image is built again.
assert compiled(compiler) == images as Set : "another compiler compiled ${compiled(compiler)}"
assert restored(compiler).isEmpty() : "another compiler restored ${restored(compiler)}"
// 8. A release key: the modules that sign with it are built and say why; b0 signs nothing and comes from the cache.
assert releaseKey.contains('Build cache: app is built, not taken from the cache: it signs')
assert releaseKey.contains('Build cache: mcuboot is built, not taken from the cache: it signs mcuboot with')
assert !releaseKey.contains('Build cache: b0 is built')
assert compiled(releaseKey) == ['mcuboot', 'app'] as Set : "a release key compiled ${compiled(releaseKey)}"
assert restored(releaseKey) == ['b0'] as Set : "a release key restored ${restored(releaseKey)}"
return true
