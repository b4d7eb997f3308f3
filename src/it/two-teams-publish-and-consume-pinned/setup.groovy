import io.multiimage.maven.it.NexusServer

// The company's Nexus (started by the build): hosted releases and snapshots behind a group, one set
// per Maven running this IT. Earlier runs must not leave the chain in the shared local repository,
// or nothing would be downloaded.
new File(localRepositoryPath, 'io/multiimage/it/teams').deleteDir()
def nexus = NexusServer.connect(nexusWork)
def repos = nexus.repositories('teams-' + basedir.parentFile.name.toLowerCase())
context.put('nexus', nexus)
context.put('repos', repos)
def props = context.get('userProperties')
props.put('it.repo.releases', repos.releases())
props.put('it.repo.snapshots', repos.snapshots())
props.put('it.repo.group', repos.group())
return true
