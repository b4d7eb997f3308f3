package io.multiimage.core.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticPartitionCheckTest {

    @Test
    void useHexWithoutStaticPartitionShowsTheEntryToAdd() {
        BuildStrategy useHex = new BuildStrategy.UseHex(new HexFile(Path.of("mcuboot.hex")), Optional.empty());
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> StaticPartitionCheck.require(
                        "mcuboot",
                        useHex,
                        Set.of("app"),
                        Optional.of(new PartitionSuggestion(0, 0xc000, "flash_primary"))));
        assertEquals(
                "Image 'mcuboot' uses build strategy use-hex, which needs a static partition, but pm_static.yml"
                        + " has no partition 'mcuboot'. Add this entry to pm_static.yml:\n"
                        + "mcuboot:\n  address: 0x0\n  size: 0xc000\n  region: flash_primary",
                e.getMessage());
        assertEquals("mcuboot", e.image());
    }

    @Test
    void skipWithoutSuggestionShowsPlaceholdersToFillIn() {
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> StaticPartitionCheck.require("b0", new BuildStrategy.Skip(), Set.of(), Optional.empty()));
        assertEquals(
                "Image 'b0' uses build strategy skip, which needs a static partition, but pm_static.yml"
                        + " has no partition 'b0'. Add this entry to pm_static.yml:\n"
                        + "b0:\n  address: <address>\n  size: <size>\n  region: flash_primary",
                e.getMessage());
    }

    @Test
    void namesTheStaticFileOfTheImagesDomain() {
        BuildStrategy useHex = new BuildStrategy.UseHex(new HexFile(Path.of("net.hex")), Optional.empty());
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> StaticPartitionCheck.require(
                        "netcore", useHex, Set.of(), Optional.empty(), "app/pm_static_CPUNET.yml"));
        assertEquals(
                "Image 'netcore' uses build strategy use-hex, which needs a static partition, but"
                        + " app/pm_static_CPUNET.yml has no partition 'netcore'. Add this entry to app/pm_static_CPUNET.yml:\n"
                        + "netcore:\n  address: <address>\n  size: <size>\n  region: flash_primary",
                e.getMessage());
    }

    @Test
    void aStaticPartitionThatMatchesNoImageAndIsCloseToTheNameIsNamedAsTheLikelyMisspelling() {
        BuildStrategy useHex = new BuildStrategy.UseHex(new HexFile(Path.of("ssbl.hex")), Optional.empty());
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> StaticPartitionCheck.require(
                        "sbl",
                        useHex,
                        Set.of("app", "fsbl", "ssbl"),
                        Optional.empty(),
                        "app/pm_static.yml",
                        Set.of("app", "fsbl", "sbl")));
        assertEquals(
                "Image 'sbl' uses build strategy use-hex, which needs a static partition 'sbl'; app/pm_static.yml"
                        + " has a partition 'ssbl' that matches no image: is 'sbl' a misspelling of 'ssbl'? Name the"
                        + " image 'ssbl', or add this entry to app/pm_static.yml:\n"
                        + "sbl:\n  address: <address>\n  size: <size>\n  region: flash_primary",
                e.getMessage());
        assertEquals("sbl", e.image());
    }

    @Test
    void aCloseStaticPartitionThatBelongsToAnImageIsNoMisspelling() {
        // fsbl is one edit from sbl too, but it is an image of the tree: sbl's entry is simply missing.
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> StaticPartitionCheck.require(
                        "sbl",
                        new BuildStrategy.Skip(),
                        Set.of("app", "fsbl"),
                        Optional.empty(),
                        "app/pm_static.yml",
                        Set.of("app", "fsbl", "sbl")));
        assertEquals(
                "Image 'sbl' uses build strategy skip, which needs a static partition, but app/pm_static.yml"
                        + " has no partition 'sbl'. Add this entry to app/pm_static.yml:\n"
                        + "sbl:\n  address: <address>\n  size: <size>\n  region: flash_primary",
                e.getMessage());
    }

    @Test
    void passesWithAStaticPartitionOrFromSource() {
        assertDoesNotThrow(
                () -> StaticPartitionCheck.require("b0", new BuildStrategy.Skip(), Set.of("b0"), Optional.empty()));
        assertDoesNotThrow(
                () -> StaticPartitionCheck.require("b0", BuildStrategy.fromSource(), Set.of(), Optional.empty()));
    }
}
