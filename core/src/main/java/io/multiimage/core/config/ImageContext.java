package io.multiimage.core.config;

import io.multiimage.core.model.BoardTarget;
import io.multiimage.core.variables.ReceivedVariables;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the configure step needs to know about one image, resolved (§2 of the
 * child-image rules).
 *
 * @param name the image name
 * @param imageDir the image's own application directory
 * @param parentDir the directory of the image that declares it; empty for the top-level image
 * @param board the board target, without revision
 * @param revision the board revision, if any
 * @param domain the CPU domain, if known
 * @param buildType the build type, empty for none
 * @param toolchain the toolchain driver name
 * @param variables the variables this image received
 * @param chain image names from the top-level image down to this one
 */
public record ImageContext(
        String name,
        Path imageDir,
        Optional<Path> parentDir,
        BoardTarget board,
        Optional<String> revision,
        Optional<String> domain,
        String buildType,
        String toolchain,
        ReceivedVariables variables,
        List<String> chain) {

    /** Checks the parts; the board must carry no revision (it is in {@code revision}). */
    public ImageContext {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imageDir, "imageDir");
        Objects.requireNonNull(parentDir, "parentDir");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(buildType, "buildType");
        Objects.requireNonNull(toolchain, "toolchain");
        Objects.requireNonNull(variables, "variables");
        chain = List.copyOf(chain);
        if (board.revision().isPresent()) {
            throw new IllegalArgumentException("the revision goes in 'revision', not in the board");
        }
    }

    /** True for a child image (one with a parent). */
    public boolean isChild() {
        return parentDir.isPresent();
    }

    /** {@code <board>} of the file names: the target with {@code /} replaced by {@code _}. */
    public String boardToken() {
        return board.fileToken();
    }

    /** {@code <rev>} of the file names: the revision with {@code .} replaced by {@code _}. */
    public Optional<String> revisionToken() {
        return revision.map(r -> r.replace('.', '_'));
    }

    /** The child's folder in the parent dir, {@code child_image/<img>/}; empty at the top level. */
    public Optional<Path> folder() {
        return parentDir.map(p -> p.resolve("child_image").resolve(name));
    }

    /** The full board target including the revision, e.g. {@code nrf9151dk@0.9.0/nrf9151}. */
    public String boardWithRevision() {
        return board.withRevision(revision).toString();
    }
}
