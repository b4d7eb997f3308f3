// The strict switch turns the warning into an error that names the file and line; nothing is built.
def log = new File(basedir, 'build.log').text
assert log.contains("Image 'strict-app': 1 Kconfig warning, which are errors with firmware.kconfig.strict:") :
        'the strict error is missing'
assert log.contains('kconfig-strict-fails-naming-file-and-line/prj.conf:2: warning: attempt to assign the value \'"typo"\' to the undefined symbol APP_BANER')
assert !new File(basedir, 'target/firmware/strict-app/.config').exists() : '.config written despite the error'
assert !new File(basedir, 'target/firmware/strict-app/strict-app.hex').exists()
return true
