// Files are named from the project root, the directory holding the image directories.
// The build: Kconfiglib's .config and autoconf.h (computed with Kconfiglib 14.1.0 from these
// files), the undefined symbol warned about with its file and line; savedefconfig; a declared target.
def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/firmware/app')

def expectedConfig = '\n#\n# Application\n#\nCONFIG_APP_BANNER="hello"\nCONFIG_APP_LOOPS=10\nCONFIG_APP_TRACE=y\n' +
        'CONFIG_APP_LOG=y\n# end of Application\n'
assert new File(out, '.config').text == expectedConfig : "unexpected .config:\n" + new File(out, '.config').text
assert new File(out, 'autoconf.h').text == '#define CONFIG_APP_BANNER "hello"\n#define CONFIG_APP_LOOPS 10\n' +
        '#define CONFIG_APP_TRACE 1\n#define CONFIG_APP_LOG 1\n'
assert log.contains('[INFO] app: Kconfig kconfig-in-the-build/Kconfig (the image directory\'s Kconfig)') : 'the Kconfig root is not logged'
assert log.contains('[WARNING] app: kconfig-in-the-build/prj.conf:2: warning: attempt to assign the value \'"typo"\' to the undefined' +
        ' symbol APP_BANER') : 'the undefined symbol is not reported with its file and line'
assert new File(out, 'app.hex').isFile() : 'the image was not built'

assert new File(out, 'defconfig').text == 'CONFIG_APP_TRACE=y\n' : 'savedefconfig wrote ' + new File(out, 'defconfig').text
assert log.contains('[INFO] app: saved minimal configuration to kconfig-in-the-build/target/firmware/app/defconfig')

assert new File(basedir, 'target/dump.config').text == expectedConfig : 'the target did not see KCONFIG_CONFIG'
def env = new File(basedir, 'target/dump.env').readLines()
assert env[0] == 'qemu_cortex_m3' : "BOARD was ${env[0]}"
assert env[1] == new File(basedir, 'Kconfig').canonicalPath : "KCONFIG_ROOT was ${env[1]}"
assert env[2] == 'forwarded' : "the image's variable APP_EXTRA was ${env[2]}"
assert log.contains("[INFO] app: Kconfig target 'dump' done")
// firmware:config on an image the engine configures: a value no fragment sets is its default.
assert log.contains('[INFO] CONFIG_APP_LOOPS=10\n[INFO]   not assigned: its Kconfig default') : 'firmware:config does not show the default'
assert log.contains('[INFO] CONFIG_APP_TRACE=y\n[INFO]   set at kconfig-in-the-build/prj.conf:1') : 'firmware:config does not show the fragment'
return true
