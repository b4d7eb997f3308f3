// Copies samples/spm-qemu of this repository into the test's directory, so the sample is
// built exactly as a user would build it, without writing into the source tree.
File root = basedir.absoluteFile
while (root != null && !new File(root, 'src/it/sample-support/SampleSupport.groovy').isFile()) {
    root = root.parentFile
}
assert root != null : "no repository root above $basedir"
def support = new GroovyShell().evaluate(new File(root, 'src/it/sample-support/SampleSupport.groovy'))
support.copySample(basedir, 'spm-qemu', new File(basedir, 'spm-qemu'))
return true
