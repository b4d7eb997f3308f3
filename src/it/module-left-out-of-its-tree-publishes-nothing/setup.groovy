// The shared local repository must not hold boot from an earlier run.
new File(localRepositoryPath, 'io/multiimage/it/leftout').deleteDir()
return true
