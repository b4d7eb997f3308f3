import io.multiimage.maven.it.NexusServer
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.PosixFilePermissions

// The remote cache: a raw hosted repository on the build's Nexus, one per Maven running this IT.
def nexus = NexusServer.connect(nexusWork)
def cacheUrl = nexus.buildCache('build-cache-' + basedir.parentFile.name.toLowerCase())
context.put('cacheUrl', cacheUrl)

def root = basedir.toPath().resolve('../../../..').normalize()
def sample = root.resolve('samples/secure-boot')
assert Files.isRegularFile(sample.resolve('.mvn/extensions.xml')) : "no build cache configuration in ${sample}"

// A clean checkout of the sample for an agent, with that agent's cache directory and the company's
// remote cache turned on (a CI agent's .mvn/maven.config); extra lines add -D options.
def checkout = { String name, String agent, List<String> extra = [] ->
    def target = basedir.toPath().resolve(name)
    if (Files.exists(target)) {
        target.toFile().deleteDir()
    }
    Files.walk(sample).withCloseable { files ->
        files.filter { Files.isRegularFile(it) && !sample.relativize(it).toString().contains('target') }.each { file ->
            def copy = target.resolve(sample.relativize(file).toString())
            Files.createDirectories(copy.parent)
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING)
        }
    }
    def cache = basedir.toPath().resolve('cache-' + agent)
    Files.writeString(target.resolve('.mvn/maven.config'), ([
            '-Dmaven.build.cache.location=' + cache,
            '-Dmaven.build.cache.remote.enabled=true',
            '-Dmaven.build.cache.remote.url=' + cacheUrl] + extra).join('\n') + '\n')
    return target
}
['cache-agent1', 'cache-agent2'].each { new File(basedir, it).deleteDir() }
checkout('agent1', 'agent1')
checkout('agent2', 'agent2')

def appSource = checkout('agent2-app-source', 'agent2').resolve('app/src/main/c/main.c')
Files.writeString(appSource, Files.readString(appSource) + '\n/* changed on agent 2 */\nint agent2_marker = 2;\n')

def fragment = checkout('agent2-mcuboot-fragment', 'agent2').resolve('mcuboot/prj.conf')
def banner = Files.readString(fragment).replace('"second-stage bootloader"', '"second stage, agent 2"')
assert banner != Files.readString(fragment) : 'samples/secure-boot/mcuboot/prj.conf no longer sets the banner: update this IT'
Files.writeString(fragment, banner)

checkout('agent2-forwarded-b0', 'agent2', ['-Dmcuboot_b0_CONFIG_B0_BANNER="first stage, forwarded"'])

// Another compiler: the same gcc behind a wrapper that reports another version.
def gcc = ['sh', '-c', 'command -v arm-none-eabi-gcc'].execute().text.trim()
assert gcc : 'arm-none-eabi-gcc is not on the PATH'
def realBin = Path.of(gcc).toRealPath().parent
def wrapper = basedir.toPath().resolve('other-compiler')
wrapper.toFile().deleteDir()
Files.createDirectories(wrapper)
Files.list(realBin).withCloseable { tools ->
    tools.filter { it.fileName.toString().startsWith('arm-none-eabi-') }.each { tool ->
        Files.createSymbolicLink(wrapper.resolve(tool.fileName.toString()), tool)
    }
}
Files.delete(wrapper.resolve('arm-none-eabi-gcc'))
Files.writeString(wrapper.resolve('arm-none-eabi-gcc'), """#!/bin/sh
for a in "\$@"; do
  case "\$a" in --version|-dumpversion|-dumpfullversion) echo "arm-none-eabi-gcc (Agent 2 wrapper) 99.1.0"; exit 0;; esac
done
exec ${realBin.resolve('arm-none-eabi-gcc')} "\$@"
""")
Files.setPosixFilePermissions(wrapper.resolve('arm-none-eabi-gcc'), PosixFilePermissions.fromString('rwxr-xr-x'))
checkout('agent2-other-compiler', 'agent2', ['-Dfirmware.toolchain.path=' + wrapper])

checkout('agent2-release-key', 'agent2')
return true
