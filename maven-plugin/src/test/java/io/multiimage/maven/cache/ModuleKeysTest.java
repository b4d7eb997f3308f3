package io.multiimage.maven.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.multiimage.core.pipeline.BuildScope;
import io.multiimage.core.pipeline.ImageInputs;
import io.multiimage.core.pipeline.TreeInputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A module's key takes, from its tree's inputs, the images it builds; only the top gets the layout. */
class ModuleKeysTest {

    @Test
    void aModuleTakesTheImagesItBuildsAndNoLayout() {
        TreeInputs tree = tree();

        TreeInputs mcuboot = ModuleKeys.scoped(tree, BuildScope.module("mcuboot", Set.of("mcuboot")));

        assertEquals(List.of("mcuboot"), List.copyOf(mcuboot.images().keySet()));
        assertEquals(tree.image("mcuboot"), mcuboot.image("mcuboot"));
        assertEquals(Map.of(), mcuboot.layouts());
    }

    @Test
    void theTopOfTheTreeTakesEverything() {
        TreeInputs tree = tree();

        assertSame(tree, ModuleKeys.scoped(tree, BuildScope.wholeTree()));
    }

    private static TreeInputs tree() {
        Map<String, ImageInputs> images = new LinkedHashMap<>();
        for (String name : List.of("app", "mcuboot", "b0")) {
            images.put(
                    name,
                    new ImageInputs(
                            name,
                            "from-source",
                            "origin",
                            Optional.empty(),
                            "partition " + name,
                            Optional.empty(),
                            new TreeMap<>(Map.of("src/main.c", name))));
        }
        return new TreeInputs(images, new TreeMap<>(Map.of("partitions.yml", "00")));
    }
}
