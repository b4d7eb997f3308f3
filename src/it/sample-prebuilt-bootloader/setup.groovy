// Copies samples/prebuilt-bootloader of this repository into the test's directory, and makes
// app-wrong-pin: the app with a pinned sha256 that no HEX has.
File root = basedir.absoluteFile
while (root != null && !new File(root, 'src/it/sample-support/SampleSupport.groovy').isFile()) {
    root = root.parentFile
}
assert root != null : "no repository root above $basedir"
def support = new GroovyShell().evaluate(new File(root, 'src/it/sample-support/SampleSupport.groovy'))
// A release cached by an earlier run would be used instead of the one step 1 deploys now.
new File(localRepositoryPath, 'io/multiimage/samples/prebuilt').deleteDir()

File sample = new File(basedir, 'prebuilt-bootloader')
support.copySample(basedir, 'prebuilt-bootloader', sample)

File app = new File(sample, 'app')
File wrong = new File(sample, 'app-wrong-pin')
support.copyTree(app, wrong)
File pom = new File(wrong, 'pom.xml')
String text = pom.text
def pin = (text =~ /<sha256>([0-9a-f]{64})<\/sha256>/)
assert pin.find() : "app/pom.xml pins no sha256"
pom.text = text.replace(pin.group(1), 'f' * 64).replace('<artifactId>app</artifactId>', '<artifactId>app-wrong-pin</artifactId>')
return true
