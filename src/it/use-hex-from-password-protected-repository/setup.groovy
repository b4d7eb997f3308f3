import io.multiimage.maven.it.NexusServer

// The company's Nexus (started by the build): hosted releases and snapshots behind a group, one set
// per Maven running this IT. Earlier runs must not leave boot in the shared local repository, or
// nothing would be downloaded.
new File(localRepositoryPath, 'io/multiimage/it/httprepo').deleteDir()
def nexus = NexusServer.connect(nexusWork)
def repos = nexus.repositories('use-hex-' + basedir.parentFile.name.toLowerCase())
context.put('nexus', nexus)
context.put('repos', repos)
def props = context.get('userProperties')
props.put('it.repo.releases', repos.releases())
props.put('it.repo.snapshots', repos.snapshots())
props.put('it.repo.group', repos.group())
return true
