package io.multiimage.maven.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.maven.CMakeConfig;
import io.multiimage.maven.ChildImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTreeReaderTest {

    @TempDir
    Path root;

    private ImageSettings settings(
            String module,
            String image,
            Optional<String> board,
            boolean boardHere,
            CMakeConfig cmake,
            List<ChildImage> children) {
        Path dir = root.resolve(module);
        return new ImageSettings(
                dir,
                module + "/pom.xml",
                dir.resolve("target"),
                image,
                board,
                boardHere,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                dir.resolve("src/main/c"),
                List.of(),
                cmake,
                null,
                children,
                List.of(),
                Optional.empty());
    }

    private static ChildImage child(String name, String module, String sourceDirectory) {
        ChildImage child = new ChildImage();
        child.setName(name);
        child.setModule(module);
        child.setSourceDirectory(sourceDirectory);
        return child;
    }

    @Test
    void eachImageIsOwnedByItsModuleAndADirectoryChildByTheModuleThatDeclaresIt() throws Exception {
        ImageSettings app = settings(
                "app",
                "app",
                Optional.of("nrf5340dk/nrf5340/cpuapp"),
                true,
                null,
                List.of(child("netcore", "../netcore", null), child("tool", null, "tool")));
        ImageSettings netcore = settings(
                "netcore",
                "netcore",
                Optional.of("nrf5340dk/nrf5340/cpuapp"),
                false,
                null,
                List.of(child("b0n", "../b0n", null)));
        ImageSettings b0n = settings("b0n", "b0n", Optional.of("nrf5340dk/nrf5340/cpuapp"), false, null, List.of());
        Map<Path, ImageSettings> modules = Map.of(root.resolve("netcore"), netcore, root.resolve("b0n"), b0n);

        ImageTreeReader.Tree tree =
                new ImageTreeReader((dir, by) -> modules.get(dir), Optional.empty()).read(app, Optional.empty());

        assertEquals(root.resolve("app"), tree.owners().get("tool"));
        assertEquals(root.resolve("netcore"), tree.owners().get("netcore"));
        assertEquals(
                root.resolve("b0n/target/firmware/b0n"), tree.buildDirectories().get("b0n"));
        assertEquals(
                root.resolve("app/target/firmware/tool"),
                tree.buildDirectories().get("tool"));
        assertEquals(Set.of("app", "tool"), tree.ownedBy(root.resolve("app")));
        // A board inherited from a parent POM is not the child's own: its domain decides.
        assertEquals(Optional.empty(), declaration(tree, "netcore").board());
        assertEquals(
                Optional.of("nrf5340dk/nrf5340/cpuapp"),
                declaration(tree, "app").board());
        assertEquals(
                "<childImage> 'b0n' in netcore/pom.xml",
                declaration(tree, "b0n").declaredBy());
    }

    @Test
    void theCommandLinesBoardWinsForTheTopImage() throws Exception {
        ImageSettings app = settings("app", "app", Optional.of("qemu_cortex_m3"), true, null, List.of());
        ImageTreeReader.Tree tree =
                new ImageTreeReader((dir, by) -> null, Optional.empty()).read(app, Optional.of("nrf52840dk/nrf52840"));
        assertEquals(
                Optional.of("nrf52840dk/nrf52840"), declaration(tree, "app").board());
    }

    @Test
    void aChildWithoutModuleOrDirectoryHasNoSourcesOfItsOwn() throws Exception {
        ChildImage fsbl = child("fsbl", null, null);
        fsbl.setHexArtifact("com.acme:fsbl:1.0");
        ImageSettings app = settings("app", "app", Optional.of("qemu_cortex_m3"), true, null, List.of(fsbl));
        ImageTreeReader.Tree tree =
                new ImageTreeReader((dir, by) -> null, Optional.empty()).read(app, Optional.empty());
        assertFalse(declaration(tree, "fsbl").ownDirectory());
        assertTrue(declaration(tree, "app").ownDirectory());
    }

    @Test
    void thePomsStrategySettingsFollowTheOneRuleAndAreNamedAsWritten() {
        ChildImage boot = child("boot", null, "boot");
        boot.setBuildStrategy("skip");
        boot.setHexFile("boot.hex");
        ImageSettings app = settings("app", "app", Optional.of("qemu_cortex_m3"), true, null, List.of(boot));
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> new ImageTreeReader((dir, by) -> null, Optional.empty()).read(app, Optional.empty()));
        assertEquals(
                "<childImage> 'boot' in app/pom.xml: <buildStrategy>skip</buildStrategy> cannot be combined with"
                        + " <hexFile>, which only applies to use-hex",
                error.getMessage());

        ChildImage pinOnly = child("fsbl", null, null);
        pinOnly.setSha256("ab".repeat(32));
        ImageSettings withPin = settings("app", "app", Optional.of("qemu_cortex_m3"), true, null, List.of(pinOnly));
        assertEquals(
                "<childImage> 'fsbl' in app/pom.xml: <sha256> needs <hexFile> or <hexArtifact>",
                assertThrows(
                                InvalidConfigurationException.class,
                                () -> new ImageTreeReader((dir, by) -> null, Optional.empty())
                                        .read(withPin, Optional.empty()))
                        .getMessage());
    }

    @Test
    void theCmakeElfFileIsBound() throws Exception {
        CMakeConfig cmake = new CMakeConfig();
        cmake.setElfFile("out/app.elf");
        ImageSettings app = settings("app", "app", Optional.of("qemu_cortex_m3"), true, cmake, List.of());
        ImageTreeReader.Tree tree =
                new ImageTreeReader((dir, by) -> null, Optional.empty()).read(app, Optional.empty());
        assertEquals(
                "out/app.elf", tree.sources().get("app").cmake().orElseThrow().elfFile());
    }

    @Test
    void anEmptyElementFailsOnTheModuleWhosePomHasIt() {
        ImageSettings app = new ImageSettings(
                root.resolve("app"),
                "app/pom.xml",
                root.resolve("app/target"),
                "app",
                Optional.of("qemu_cortex_m3"),
                true,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                root.resolve("app/src/main/c"),
                List.of(),
                null,
                null,
                List.of(),
                List.of("<childImage> 'ssbl': <sha256>"),
                Optional.empty());
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> new ImageTreeReader((dir, by) -> null, Optional.empty()).read(app, Optional.empty()));
        assertEquals(
                "app/pom.xml: <childImage> 'ssbl': <sha256> is empty (an unset variable?): give a value or"
                        + " remove the element",
                error.getMessage());
        assertEquals(Optional.of(root.resolve("app/pom.xml").toAbsolutePath().toString()), error.culpritFile());
    }

    private static ImageDeclaration declaration(ImageTreeReader.Tree tree, String name) {
        return tree.declarations().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
