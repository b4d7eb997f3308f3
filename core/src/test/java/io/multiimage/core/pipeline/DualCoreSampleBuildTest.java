package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.Segment;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the dual-core sample, without Maven: the nRF5340 application core
 * image (CPUAPP) and its network core child (CPUNET), built from source or taken prebuilt
 * with the CPUNET domain's static layout.
 */
@Tag("tools")
class DualCoreSampleBuildTest {

    private static final long NETCORE_FLASH = 0x01000000L;

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copySample() throws IOException {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        Samples.copy("dual-core", project);
    }

    @Test
    void networkCoreFromSourceGetsItsOwnDomainLayoutAndMergedFile() throws Exception {
        BuildResult result = build(fromSource());

        assertEquals(
                NETCORE_FLASH,
                result.image("netcore").orElseThrow().placement().flash().origin());
        assertEquals(0L, result.image("app").orElseThrow().placement().flash().origin());
        Path out = project.resolve("app/target/firmware");
        assertTrue(Files.readString(out.resolve("partitions_CPUNET.yml")).contains("netcore:\n  address: 0x1000000\n"));
        assertFalse(Files.readString(out.resolve("partitions.yml")).contains("netcore"));
        MemoryImage net = IntelHex.read(out.resolve("merged_CPUNET.hex"));
        MemoryImage app = IntelHex.read(out.resolve("merged.hex"));
        MemoryImage both = IntelHex.read(out.resolve("merged_domains.hex"));
        assertEquals(NETCORE_FLASH, net.span().orElseThrow().start());
        assertEquals(0L, app.span().orElseThrow().start());
        assertEquals(app.size() + net.size(), both.size());
        assertContains(both, net);
        assertContains(both, app);
    }

    @Test
    void prebuiltNetworkCoreTakesItsStaticPartitionFromTheDomainFileOfItsParentsDirectory() throws Exception {
        byte[] prebuilt = Files.readAllBytes(
                build(fromSource()).image("netcore").orElseThrow().hex().orElseThrow());
        Path hex = project.resolve("netcore.hex");
        Files.write(hex, prebuilt);
        deleteTree(project.resolve("app/target"));
        // The application domain's own static layout, in the same directory, must not leak into CPUNET.
        Files.writeString(
                project.resolve("app/pm_static.yml"),
                "app:\n  address: 0x0\n  size: 0x100000\n  region: flash_primary\n");
        Files.writeString(
                project.resolve("app/pm_static_CPUNET.yml"),
                "netcore:\n  address: 0x1000000\n  size: 0x40000\n  region: flash_primary\n");

        BuildResult result = build(prebuilt(hex));

        assertTrue(result.image("netcore").orElseThrow().placement().staticPartition());
        assertTrue(
                log.at("INFO").contains("Static partitions of domain CPUNET from app/pm_static_CPUNET.yml"),
                log.lines().toString());
        assertTrue(
                log.at("INFO").contains("Static partitions of the default domain from app/pm_static.yml"),
                log.lines().toString());
        MemoryImage net = IntelHex.read(project.resolve("app/target/firmware/merged_CPUNET.hex"));
        assertContains(net, IntelHex.read(hex));
        assertEquals(NETCORE_FLASH, net.span().orElseThrow().start());
    }

    @Test
    void prebuiltNetworkCoreWithoutDomainFileNamesTheFileToAddItTo() throws Exception {
        Path hex = project.resolve("netcore.hex");
        MemoryImage image = new MemoryImage();
        image.write(NETCORE_FLASH, new byte[] {1, 2, 3, 4});
        IntelHex.write(image, hex);
        Files.delete(project.resolve("app/pm_static_CPUNET.yml"));
        Files.writeString(
                project.resolve("app/pm_static.yml"),
                "app:\n  address: 0x0\n  size: 0x100000\n  region: flash_primary\n");

        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> build(prebuilt(hex)));

        assertTrue(
                error.getMessage()
                        .startsWith("Image 'netcore' uses build strategy use-hex, which needs a static"
                                + " partition, but app/pm_static_CPUNET.yml has no partition 'netcore'. Add this entry to"
                                + " app/pm_static_CPUNET.yml:"),
                error.getMessage());
    }

    @Test
    void networkCoreWithItsOwnDirectoryReadsPmStaticThere() throws Exception {
        Files.writeString(
                project.resolve("netcore/pm_static.yml"),
                "netcore:\n  address: 0x1000000\n  size: 0x40000\n  region: flash_primary\n");

        BuildResult result = build(fromSource());

        assertTrue(result.image("netcore").orElseThrow().placement().staticPartition());
        assertTrue(
                log.at("INFO").contains("Static partitions of domain CPUNET from netcore/pm_static.yml"),
                log.lines().toString());
    }

    @Test
    void networkCorePlacedByFlashLoadOffsetLeavesItsDomainWithoutPartitionManager() throws Exception {
        // A layout from an earlier build that the offset placement makes stale.
        build(fromSource());
        Path out = project.resolve("app/target/firmware");
        assertTrue(Files.isRegularFile(out.resolve("partitions_CPUNET.yml")));
        Path prj = project.resolve("netcore/prj.conf");
        Files.writeString(prj, Files.readString(prj) + "CONFIG_FLASH_LOAD_OFFSET=0x800\n");
        // netcore has a Kconfig tree, so the symbol must be defined there (Zephyr defines it in Kconfig.zephyr).
        Path kconfig = project.resolve("netcore/Kconfig");
        Files.writeString(kconfig, Files.readString(kconfig) + "\nconfig FLASH_LOAD_OFFSET\n\thex \"Load offset\"\n");
        // app's check of PM_CPUNET_NETCORE_ADDRESS goes: no partition describes netcore any more.
        Path main = project.resolve("app/src/main/c/main.c");
        Files.writeString(main, Files.readString(main).replaceAll("(?s)#if PM_CPUNET_NETCORE_ADDRESS.*?#endif", ""));

        BuildResult result = build(fromSource());

        ImagePlacement netcore = result.image("netcore").orElseThrow().placement();
        assertTrue(netcore.byLoadOffset());
        assertEquals("0x1000800..0x1040000 (0x3f800 bytes)", netcore.flash().toString());
        assertEquals("0x21000000..0x21010000 (0x10000 bytes)", netcore.ram().toString());
        for (String stale :
                List.of("partitions_CPUNET.yml", "regions_CPUNET.yml", "pm_CPUNET.config", "netcore/pm_config.h")) {
            assertFalse(Files.exists(out.resolve(stale)), stale + " is stale");
        }
        assertTrue(Files.isRegularFile(out.resolve("partitions.yml")));
        assertFalse(Files.readString(out.resolve("app/pm_config.h")).contains("NETCORE"));
        assertEquals(
                NETCORE_FLASH + 0x800,
                IntelHex.read(out.resolve("merged_CPUNET.hex"))
                        .span()
                        .orElseThrow()
                        .start());
        assertTrue(
                log.at("INFO")
                        .contains("The partition manager does not run for domain CPUNET: every image there"
                                + " is placed by CONFIG_FLASH_LOAD_OFFSET"),
                log.lines().toString());
    }

    private List<ImageDeclaration> fromSource() {
        return List.of(
                app(),
                ImageDeclaration.builder("netcore", project.resolve("netcore"))
                        .board("nrf5340dk/nrf5340/cpunet")
                        .domain("CPUNET")
                        .build());
    }

    private List<ImageDeclaration> prebuilt(Path hex) throws Exception {
        return List.of(
                app(),
                ImageDeclaration.builder("netcore", project.resolve("app"))
                        .board("nrf5340dk/nrf5340/cpunet")
                        .domain("CPUNET")
                        .strategy(BuildStrategy.UseHex.of("netcore", new HexFile(hex), null))
                        .build());
    }

    private ImageDeclaration app() {
        return ImageDeclaration.builder("app", project.resolve("app"))
                .board("nrf5340dk/nrf5340/cpuapp")
                .children("netcore")
                .build();
    }

    private BuildResult build(List<ImageDeclaration> declarations) throws Exception {
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();
        return new FirmwareBuild(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("no repository"))
                .run(request);
    }

    /** Every byte of {@code part} appears at the same address in {@code whole}. */
    private static void assertContains(MemoryImage whole, MemoryImage part) {
        for (Segment segment : part.segments()) {
            byte[] expected = part.read(segment.start(), (int) segment.length(), (byte) 0);
            byte[] actual = whole.read(segment.start(), (int) segment.length(), (byte) 0);
            assertTrue(whole.containsAny(segment.start(), segment.length()));
            assertArrayEquals(expected, actual, "bytes at 0x" + Long.toHexString(segment.start()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(path);
            }
        }
    }
}
