// The shared local repository remembers a failed lookup from an earlier run ("not reattempted
// until the update interval has elapsed"): forget it, so the lookup is really made.
new File(localRepositoryPath, 'io/multiimage/it/missingartifact').deleteDir()
return true
