// Every goal appears, each parameter with its user property, so -Ddetail is a usable reference.
def log = new File(basedir, 'build.log').text
['firmware:build', 'firmware:run', 'firmware:config', 'firmware:partitions', 'firmware:help',
 'firmware:menuconfig', 'firmware:guiconfig', 'firmware:kconfig'].each {
    assert log.contains(it) : "goal ${it} missing from firmware:help"
}
['firmware.board', 'firmware.boardRevision', 'firmware.buildType', 'firmware.toolchain',
 'firmware.toolchain.path', 'firmware.verbose', 'firmware.parallel', 'firmware.explain', 'firmware.skip',
 'firmware.build.skip', 'firmware.run.timeout', 'firmware.run.skip', 'firmware.image', 'firmware.kconfig.strict',
 'firmware.kconfig.target', 'firmware.kconfig.fragment', 'firmware.kconfig.writeConfig',
 'firmware.guiconfig.noBrowser', 'firmware.merge.formats', 'firmware.merge.binFill',
 'firmware.merge.uf2FamilyId'].each {
    assert log.contains("User property: ${it}") : "property ${it} missing from firmware:help -Ddetail"
}
['childImages', 'sourceDirectory', 'toolchainArguments', 'cmake', 'exec', 'imageName', 'domain', 'kconfigRoot',
 'kconfigStrict', 'kconfigTargets', 'fragment', 'writeConfig', 'noBrowser', 'target'].each {
    assert log =~ /(?m)^    ${it}( \(Default: [^)]*\))?$/ : "parameter ${it} missing"
}
// The memory report: its goal, its properties and the <report> parameter of the goals that write it.
assert log.contains('firmware:report') : 'goal firmware:report missing from firmware:help'
['firmware.report.baseline', 'firmware.report.skip'].each {
    assert log.contains("User property: ${it}") : "property ${it} missing from firmware:help -Ddetail"
}
assert log =~ /(?m)^    report$/ : 'parameter report missing'
return true
