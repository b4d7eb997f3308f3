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
// product-enlarged: the product, with the released second stage enlarged in its pm_static.yml.
def enlarged = new File(basedir, 'product-enlarged')
enlarged.deleteDir()
new File(basedir, 'product').eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def copy = new File(enlarged, file.path.substring(new File(basedir, 'product').path.length()))
    copy.parentFile.mkdirs()
    copy.bytes = file.bytes
}
def pmStatic = new File(enlarged, 'app/pm_static.yml')
def grown = pmStatic.text.replace('address: 0x4000\n  size: 0x8000', 'address: 0x4000\n  size: 0xc000')
assert grown != pmStatic.text : 'product/app/pm_static.yml no longer gives ssbl 0x8000 bytes at 0x4000: update this IT'
pmStatic.text = grown
return true
