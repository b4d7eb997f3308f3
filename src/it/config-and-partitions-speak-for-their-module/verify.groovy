// firmware:config in each module shows that module's own image; firmware:partitions prints the tree's
// map once, in the top module, and each child module says where it is.
def log = new File(basedir, 'build.log').text
def sections = log.split(/(?=\[INFO\] -+< )/)
def section = { module -> sections.find { it =~ /-+< io\.multiimage\.it\.pergoal:${module} >-+/ } }
['b0', 'mcuboot', 'app'].each { module ->
    def text = section(module)
    assert text != null : "no section for ${module}"
    assert text.contains("Configuration of image ${module} (board qemu_cortex_m3".toString()) : "${module}:\n${text}"
}
assert log.count('placed by CONFIG_FLASH_LOAD_OFFSET') == 0
assert section('app').contains('flash_primary')
assert !section('b0').contains('flash_primary') && !section('mcuboot').contains('flash_primary')
assert section('b0').contains('b0 is a child image of app; the memory map of the tree is printed there')
assert section('mcuboot').contains('mcuboot is a child image of app; the memory map of the tree is printed there')
return true
