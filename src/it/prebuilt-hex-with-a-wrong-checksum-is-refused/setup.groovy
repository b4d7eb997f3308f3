import io.multiimage.maven.it.RepositoryServer

// A repository that holds boot-1.0.hex with a .sha1 of other bytes, as a corrupted mirror or a
// tampered upload would: Nexus computes its own checksums, so only the stand-in can serve this.
new File(localRepositoryPath, 'io/multiimage/it/badsum').deleteDir()
def root = new File(basedir, 'http-repo')
root.deleteDir()
def dir = new File(root, 'io/multiimage/it/badsum/boot/1.0')
dir.mkdirs()
new File(dir, 'boot-1.0.hex').text = ':0400000000200020BC\n:00000001FF\n'
new File(dir, 'boot-1.0.hex.sha1').text = '0123456789abcdef0123456789abcdef01234567'
def server = RepositoryServer.start(root.toPath(), 'deployer', 'it-s3cret')
context.put('repositoryServer', server)
context.get('userProperties').put('it.repo.url', server.url().toString())
return true
