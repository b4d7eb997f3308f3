// mcuboot jumped to an address without an image: it says so and exits 1, and firmware:run fails.
def log = new File(basedir, 'build.log').text
assert log.contains('[uart] b0: first-stage bootloader, booting mcuboot at 0x00008200') : 'b0 must still boot mcuboot'
assert log.contains('[uart] mcuboot: no valid app image at 0x00018200') : 'mcuboot must report the missing image'
assert !log.contains('[uart] app: Hello from the application') : 'the application must not have run'
assert log.contains('The firmware exited with status 1 (semihosting exit)') : 'the failure must report exit status 1'
return true
