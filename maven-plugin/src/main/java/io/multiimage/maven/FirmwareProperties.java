package io.multiimage.maven;

/**
 * Every user property the plugin reads, declared once. All start with {@code firmware.} so
 * they cannot collide with other plugins' flags; the seed-compatible forwarded variables
 * ({@code mcuboot_CONF_FILE}, {@code CONFIG_X}, ...) are read from the user properties as a
 * whole and are not listed here.
 */
public final class FirmwareProperties {

    private FirmwareProperties() {}

    /** Turns off every goal of the plugin. */
    public static final String SKIP = "firmware.skip";
    /** Formats the merged files are written in besides HEX, comma-separated: {@code bin,srec,uf2}. */
    public static final String MERGE_FORMATS = "firmware.merge.formats";
    /** The byte the merged binaries hold where no image has data, e.g. {@code 0xff}. */
    public static final String MERGE_BIN_FILL = "firmware.merge.binFill";
    /** The UF2 family id of the merged UF2 files, e.g. {@code 0xADA52840}. */
    public static final String MERGE_UF2_FAMILY_ID = "firmware.merge.uf2FamilyId";
    /** Turns off {@code firmware:build}. */
    public static final String BUILD_SKIP = "firmware.build.skip";
    /** Turns off {@code firmware:run}. */
    public static final String RUN_SKIP = "firmware.run.skip";
    /** Build type, e.g. {@code release}: selects {@code prj_release.conf}. */
    public static final String BUILD_TYPE = "firmware.buildType";
    /** Board target, e.g. {@code nrf5340dk/nrf5340/cpuapp}. */
    public static final String BOARD = "firmware.board";
    /** Board revision, e.g. {@code 1.0.0}. */
    public static final String BOARD_REVISION = "firmware.boardRevision";
    /** Toolchain driver of images built from source: {@code gnu-arm}, {@code cmake} or {@code exec}. */
    public static final String TOOLCHAIN = "firmware.toolchain";
    /** Directory holding {@code arm-none-eabi-gcc}; PATH is searched when unset. */
    public static final String TOOLCHAIN_PATH = "firmware.toolchain.path";
    /** Print every command line. {@code VERBOSE=1} in the environment does the same. */
    public static final String VERBOSE = "firmware.verbose";
    /** Maximum concurrent jobs. {@code CMAKE_BUILD_PARALLEL_LEVEL} in the environment does the same. */
    public static final String PARALLEL = "firmware.parallel";
    /** Log, per image and step, why it ran or why it was up to date. */
    public static final String EXPLAIN = "firmware.explain";
    /** The image a per-image goal ({@code firmware:config}) looks at. */
    public static final String IMAGE = "firmware.image";
    /** Kconfig warnings are errors. */
    public static final String KCONFIG_STRICT = "firmware.kconfig.strict";
    /** The Kconfig target {@code firmware:kconfig} runs ({@code savedefconfig} or a declared one). */
    public static final String KCONFIG_TARGET = "firmware.kconfig.target";
    /** Where {@code firmware:menuconfig}/{@code guiconfig} save the changes as a fragment. */
    public static final String KCONFIG_FRAGMENT = "firmware.kconfig.fragment";
    /** {@code firmware:menuconfig}/{@code guiconfig} also write the build's {@code .config}. */
    public static final String KCONFIG_WRITE_CONFIG = "firmware.kconfig.writeConfig";
    /** {@code firmware:guiconfig} does not open a browser, only prints the address. */
    public static final String GUICONFIG_NO_BROWSER = "firmware.guiconfig.noBrowser";
    /** Seconds {@code firmware:run} waits for the firmware to exit. */
    public static final String RUN_TIMEOUT = "firmware.run.timeout";
    /** A HEX file {@code firmware:run} boots as it is, without building. */
    public static final String RUN_HEX = "firmware.run.hex";
    /** The signing key file ({@code <signing><keyFile>}). */
    public static final String SIGNING_KEY_FILE = "firmware.signing.keyFile";
    /** Declares the key given by {@link #SIGNING_KEY_FILE} a development key. */
    public static final String SIGNING_DEVELOPMENT_KEY = "firmware.signing.developmentKey";
    /** The settings.xml server whose password is the key's passphrase. */
    public static final String SIGNING_PASSPHRASE_SERVER = "firmware.signing.passphraseServer";
    /** The environment variable holding the key's passphrase. */
    public static final String SIGNING_PASSPHRASE_ENV = "firmware.signing.passphraseEnv";
    /** The public key file (sign-later, verify). */
    public static final String SIGNING_PUBLIC_KEY_FILE = "firmware.signing.publicKeyFile";
    /** The image version, {@code major.minor.revision+build}. */
    public static final String SIGNING_VERSION = "firmware.signing.version";
    /** Sign later: write what to sign instead of signing. */
    public static final String SIGNING_SIGN_LATER = "firmware.signing.signLater";
    /** Where sign-later's detached signatures are. */
    public static final String SIGNING_SIGNATURE_DIRECTORY = "firmware.signing.signatureDirectory";
    /** A merged HEX file {@code firmware:verify} checks instead of the tree's own. */
    public static final String VERIFY_HEX = "firmware.verify.hex";
    /** Turns off {@code firmware:verify}. */
    public static final String VERIFY_SKIP = "firmware.verify.skip";
    /** Accepts a change of the locked layout, with the reason given as the value. */
    public static final String LAYOUT_ACCEPT = "firmware.layout.accept";
    /** Turns off {@code firmware:lock-layout}. */
    public static final String LOCK_LAYOUT_SKIP = "firmware.lock-layout.skip";
    /** Turns off {@code firmware:report}. */
    public static final String REPORT_SKIP = "firmware.report.skip";
    /** The memory report's baseline: coordinates of a released build, or a path to its build-info.json. */
    public static final String REPORT_BASELINE = "firmware.report.baseline";

    /** {@code firmware:import-devicetree}: the board devicetree and overlays to read, comma-separated. */
    public static final String DEVICETREE = "firmware.devicetree";
    /** {@code firmware:import-devicetree}: replace an existing {@code pm_static.yml}. */
    public static final String DEVICETREE_OVERWRITE = "firmware.devicetree.overwrite";
    /** The devicetree bridge's region-to-node mappings, {@code REGION=NODE_LABEL}, comma-separated. */
    public static final String DEVICETREE_REGIONS = "firmware.devicetree.regions";

    /** Suffix of the per-child strategy property, e.g. {@code mcuboot.buildStrategy}. */
    public static final String CHILD_BUILD_STRATEGY = ".buildStrategy";
    /** Suffix of the per-child HEX file property, e.g. {@code mcuboot.hexFile}. */
    public static final String CHILD_HEX_FILE = ".hexFile";
    /** Suffix of the per-child HEX coordinates property, e.g. {@code mcuboot.hexArtifact}. */
    public static final String CHILD_HEX_ARTIFACT = ".hexArtifact";
    /** Suffix of the per-child sha256 pin property, e.g. {@code mcuboot.sha256}. */
    public static final String CHILD_SHA256 = ".sha256";
}
