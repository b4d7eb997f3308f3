import io.multiimage.maven.it.RepositoryServer

// A repository whose password is not the one src/it/settings.xml gives for <server> it-http-repo.
new File(localRepositoryPath, 'io/multiimage/it/refused').deleteDir()
def root = new File(basedir, 'http-repo')
root.deleteDir()
def server = RepositoryServer.start(root.toPath(), 'deployer', 'not-the-settings-password')
context.put('repositoryServer', server)
def url = server.url().toString()
context.get('userProperties').put('it.repo.url', url)
context.get('userProperties').put('it.repo.leaky.url', url.replace('http://', 'http://someone:hunter2@'))
return true
