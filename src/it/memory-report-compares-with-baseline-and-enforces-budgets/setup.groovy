// The baseline must be the one build 1 installs, not one an earlier run left in the shared local repository.
new File(localRepositoryPath, 'io/multiimage/it/memoryreport').deleteDir()
return true
