// firmware:export-devicetree wrote one overlay per image in the module that owns it; the real dtc
// compiles each image's devicetree (zephyr.dts) with its overlay, and in the blob
// chosen/zephyr,code-partition is a node whose address and size are the image's partition in
// partitions.yml. firmware:import-devicetree read app's overlay back as app/pm_static.yml.
def run = { List cmd ->
    def process = cmd.collect { it.toString() }.execute()
    def out = new StringBuffer(), err = new StringBuffer()
    process.waitForProcessOutput(out, err)
    [process.exitValue(), out.toString().trim(), err.toString()]
}
def firmware = new File(basedir, 'app/target/firmware')
def layout = [:]
def current = null
new File(firmware, 'partitions.yml').eachLine { line ->
    def name = line =~ /^(\w+):$/
    if (name) { current = name[0][1]; layout[current] = [:] }
    def value = line =~ /^  (address|size): (0x[0-9a-f]+)$/
    if (value && current) { layout[current][value[0][1]] = Long.decode(value[0][2]) }
}
assert layout.app && layout.mcuboot && layout.mcuboot_primary : "partitions.yml: ${layout}"

def cells = { File dtb, String node, String property ->
    def (rc, out, err) = run(['fdtget', '-t', 'x', dtb, node, property])
    assert rc == 0 : "fdtget ${node} ${property}: ${err}"
    out.split(/\s+/).collect { Long.parseLong(it, 16) }
}
def parent = { String path -> path.substring(0, path.lastIndexOf('/')) }

[app: new File(basedir, 'app/target/firmware/app'), mcuboot: new File(basedir, 'mcuboot/target/firmware/mcuboot')]
        .each { image, dir ->
    def overlay = new File(dir, 'partitions.overlay')
    assert overlay.isFile() : "no overlay for ${image} in ${dir}"
    assert overlay.text.contains('/delete-node/ partitions;') : overlay.text
    def input = new File(dir, 'with-overlay.dts')
    input.text = "/include/ \"${new File(dir, 'zephyr.dts').absolutePath}\"\n/include/ \"${overlay.absolutePath}\"\n"
    def dtb = new File(dir, 'with-overlay.dtb')
    def (rc, out, err) = run(['dtc', '-q', '-@', '-I', 'dts', '-O', 'dtb', '-o', dtb, input])
    assert rc == 0 : "dtc failed for ${image}: ${err}"
    def (rc2, code, err2) = run(['fdtget', '-t', 's', dtb, '/chosen', 'zephyr,code-partition'])
    assert rc2 == 0 : err2
    def reg = cells(dtb, code, 'reg')
    long address = reg[0]
    def up = parent(code)
    while (up.contains('/partition@')) {
        def ranges = cells(dtb, up, 'ranges')
        address += ranges[1] - ranges[0]
        up = parent(up)
    }
    assert up.endsWith('/partitions') : up
    address += cells(dtb, parent(up), 'reg')[0]
    assert address == layout[image].address && reg[1] == layout[image].size :
            "${image}: ${code} at ${Long.toHexString(address)}+${Long.toHexString(reg[1])}, layout ${layout[image]}"
}

def pmStatic = new File(basedir, 'app/pm_static.yml').text
assert pmStatic.contains("app:\n  address: ${String.format('0x%x', layout.app.address)}\n") : pmStatic
assert pmStatic.contains("mcuboot_primary:\n  address: ${String.format('0x%x', layout.mcuboot_primary.address)}\n") : pmStatic
assert pmStatic.contains("  span:\n  - mcuboot_pad\n  - app\n") : pmStatic
return true
