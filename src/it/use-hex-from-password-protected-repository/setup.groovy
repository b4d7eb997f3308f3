import io.multiimage.maven.it.RepositoryServer

// A password-protected Maven repository on 127.0.0.1 for both builds; verify.groovy stops it.
// Earlier runs must not leave boot in the shared local repository, or nothing would be downloaded.
new File(localRepositoryPath, 'io/multiimage/it/httprepo').deleteDir()
def root = new File(basedir, 'http-repo')
root.deleteDir()
def server = RepositoryServer.start(root.toPath(), 'deployer', 'it-s3cret')
context.put('repositoryServer', server)
context.get('userProperties').put('it.repo.url', server.url().toString())
return true
