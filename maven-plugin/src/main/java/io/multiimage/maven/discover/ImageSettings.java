package io.multiimage.maven.discover;

import io.multiimage.maven.CMakeConfig;
import io.multiimage.maven.ChildImage;
import io.multiimage.maven.ExecConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The per-image settings of one firmware module, bound by Maven from the module's
 * configuration: the running goal's own parameters, or another module's configuration bound
 * the same way ({@link ModuleConfigurator}). One shape, so every module of a tree is read alike.
 *
 * @param basedir the module's directory: its application directory
 * @param pomFile the module's POM as messages show it, e.g. {@code app/pom.xml}
 * @param buildDirectory the module's build directory ({@code target}): its images' outputs go to
 *     {@code firmware/<image>/} there
 * @param imageName the image name when the module is the top of a tree (children are named
 *     by their parent's {@code <childImage><name>})
 * @param board the board the module's configuration gives (its own or inherited from a parent POM)
 * @param boardDeclaredHere true when the module's own pom.xml sets {@code <board>}: only such a
 *     board is the child's own; an inherited one is the parent POM's idea of the top's board
 * @param boardRevision board revision
 * @param domain domain
 * @param toolchain toolchain driver
 * @param sourceDirectory sources for the toolchain driver
 * @param toolchainArguments extra driver arguments
 * @param cmake cmake driver settings, or null
 * @param exec exec driver settings, or null
 * @param childImages the module's child image declarations
 * @param emptyElements {@code <childImage>} elements present but empty, e.g.
 *     {@code <childImage> 'ssbl': <sha256>}: an error, never "not given"
 * @param kconfigRoot the module's {@code <kconfigRoot>}, if configured
 */
public record ImageSettings(
        Path basedir,
        String pomFile,
        Path buildDirectory,
        String imageName,
        Optional<String> board,
        boolean boardDeclaredHere,
        Optional<String> boardRevision,
        Optional<String> domain,
        Optional<String> toolchain,
        Path sourceDirectory,
        List<String> toolchainArguments,
        CMakeConfig cmake,
        ExecConfig exec,
        List<ChildImage> childImages,
        List<String> emptyElements,
        Optional<Path> kconfigRoot) {

    /** Copies the lists. */
    public ImageSettings {
        toolchainArguments = List.copyOf(toolchainArguments);
        childImages = List.copyOf(childImages);
        emptyElements = List.copyOf(emptyElements);
        java.util.Objects.requireNonNull(kconfigRoot, "kconfigRoot");
    }

    /** The board this module gives its image as a child: only one its own pom.xml sets. */
    public Optional<String> ownBoard() {
        return boardDeclaredHere ? board : Optional.empty();
    }
}
