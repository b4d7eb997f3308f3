import io.multiimage.maven.it.NexusServer

// The company's Nexus: the repositories exist, the credentials given for them are wrong.
new File(localRepositoryPath, 'io/multiimage/it/refused').deleteDir()
def nexus = NexusServer.connect(nexusWork)
def repos = nexus.repositories('refused-' + basedir.parentFile.name.toLowerCase())
def props = context.get('userProperties')
props.put('it.repo.group', repos.group())
props.put('it.repo.leaky.url', repos.group().replace('http://', 'http://someone:hunter2@'))
return true
