import io.multiimage.maven.it.RepositoryServer

// The company repository, password-protected, on 127.0.0.1 for all builds; verify.groovy stops it.
// Earlier runs must not leave the chain in the shared local repository, or nothing would be downloaded.
new File(localRepositoryPath, 'io/multiimage/it/teams').deleteDir()
def root = new File(basedir, 'http-repo')
root.deleteDir()
def server = RepositoryServer.start(root.toPath(), 'deployer', 'it-s3cret')
context.put('repositoryServer', server)
context.get('userProperties').put('it.repo.url', server.url().toString())
return true
