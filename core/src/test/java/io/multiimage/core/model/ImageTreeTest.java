package io.multiimage.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTreeTest {

    private static ImageDeclaration image(String name, String... children) {
        return ImageDeclaration.builder(name, Path.of("proj", name))
                .children(children)
                .build();
    }

    @Test
    void buildsATreeWithParentsChildrenPreOrderAndChains() throws Exception {
        ImageTree tree = ImageTree.build(
                "app",
                List.of(
                        image("b0"),
                        image("app", "mcuboot", "hci_ipc"),
                        image("mcuboot", "b0"),
                        image("hci_ipc"),
                        image("unrelated")));
        assertEquals(
                List.of("app", "mcuboot", "b0", "hci_ipc"),
                tree.preOrder().stream().map(ImageDeclaration::name).toList());
        assertEquals(List.of("app", "mcuboot", "b0"), tree.chain("b0"));
        assertEquals("mcuboot", tree.parent("b0").orElseThrow().name());
        assertEquals(Optional.empty(), tree.parent("app"));
        assertEquals(
                List.of("mcuboot", "hci_ipc"),
                tree.children("app").stream().map(ImageDeclaration::name).toList());
        assertFalse(tree.contains("unrelated"), "only images reachable from the root belong to the tree");
        assertEquals("app", tree.root().name());
    }

    @Test
    void cyclesAreRejectedWithTheCycleSpelledOut() {
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> ImageTree.build(
                        "app", List.of(image("app", "mcuboot"), image("mcuboot", "b0"), image("b0", "app"))));
        assertEquals("Image cycle: app -> mcuboot -> b0 -> app", e.getMessage());
        ImageModelException self =
                assertThrows(ImageModelException.class, () -> ImageTree.build("app", List.of(image("app", "app"))));
        assertEquals("Image cycle: app -> app", self.getMessage());
        ImageModelException inner = assertThrows(
                ImageModelException.class,
                () -> ImageTree.build("app", List.of(image("app", "a"), image("a", "b"), image("b", "a"))));
        assertEquals("Image cycle: a -> b -> a", inner.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        ImageModelException e = assertThrows(
                ImageModelException.class, () -> ImageTree.build("app", List.of(image("app"), image("app"))));
        assertEquals(
                "Image 'app' is declared more than once (in proj/app and in proj/app); image names must be unique",
                e.getMessage());
    }

    @Test
    void anImageHasOneParent() {
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> ImageTree.build(
                        "app", List.of(image("app", "mcuboot", "b0"), image("mcuboot", "b0"), image("b0"))));
        assertEquals(
                "Image 'b0' is declared as a child of both 'mcuboot' and 'app'; an image has one parent",
                e.getMessage());
        assertEquals("b0", e.image());
    }

    @Test
    void unknownChildrenAndRootsAreRejected() {
        assertEquals(
                "Image 'app' declares child image 'ghost', which is not declared",
                assertThrows(ImageModelException.class, () -> ImageTree.build("app", List.of(image("app", "ghost"))))
                        .getMessage());
        assertEquals(
                "Top-level image 'x' is not declared",
                assertThrows(ImageModelException.class, () -> ImageTree.build("x", List.of(image("app"))))
                        .getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "/abs", "a\\b", "has space", "../up", "a:b", "-x", ".hidden", "a..b"})
    void namesMustBeSafeDirectoryNames(String name) {
        ImageModelException e = assertThrows(
                ImageModelException.class,
                () -> ImageTree.build(
                        name,
                        List.of(ImageDeclaration.builder(name, Path.of("x")).build())));
        assertEquals(
                "Image name '" + name + "' cannot be used: it becomes a directory name, so use letters, digits,"
                        + " '_', '-' and '.' only, starting with a letter, digit or '_' (no '/', no '..')",
                e.getMessage());
    }
}
