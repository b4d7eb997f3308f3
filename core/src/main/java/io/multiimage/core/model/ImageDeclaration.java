package io.multiimage.core.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image as the user declared it (a reactor module or a {@code <childImage>} entry).
 * Children are named, not nested, so that declarations coming from separate modules can
 * refer to each other; {@link ImageTree#build} turns them into a tree and rejects cycles.
 *
 * @param name the image name; also its build directory name and variable prefix
 * @param applicationDir the image's own application directory
 * @param board board target {@code board[@revision][/qualifiers]}; empty for a child that inherits
 * @param revision board revision; empty unless declared
 * @param domain CPU domain; empty means the parent's
 * @param buildType build type; empty means inherited (children) or none (top level)
 * @param strategy build strategy from the declaration; empty when not configured
 * @param toolchain toolchain driver name; empty means inherited, {@code gnu-arm} at the top
 * @param children names of the declared child images, in declaration order
 * @param condition when the image is part of the build; empty means always
 * @param ownDirectory false for a child declared with neither a module nor a source directory of
 *     its own: it can be taken prebuilt or skipped, but has no sources to build from
 * @param declaredBy where the image is declared, for messages, e.g.
 *     {@code <childImage> 'mcuboot' in app/pom.xml}; empty when unknown
 */
public record ImageDeclaration(
        String name,
        Path applicationDir,
        Optional<String> board,
        Optional<String> revision,
        Optional<String> domain,
        Optional<String> buildType,
        Optional<BuildStrategy> strategy,
        Optional<String> toolchain,
        List<String> children,
        Optional<ImageCondition> condition,
        boolean ownDirectory,
        String declaredBy) {

    /** Checks the parts and freezes the child list. */
    public ImageDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(applicationDir, "applicationDir");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(buildType, "buildType");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(toolchain, "toolchain");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(declaredBy, "declaredBy");
        children = List.copyOf(children);
    }

    /** A builder for {@code name} in {@code applicationDir}; everything else starts empty. */
    public static Builder builder(String name, Path applicationDir) {
        return new Builder(name, applicationDir);
    }

    /** Fluent construction of a declaration. */
    public static final class Builder {
        private final String name;
        private final Path applicationDir;
        private String board;
        private String revision;
        private String domain;
        private String buildType;
        private BuildStrategy strategy;
        private String toolchain;
        private final List<String> children = new ArrayList<>();
        private ImageCondition condition;
        private boolean ownDirectory = true;
        private String declaredBy = "";

        private Builder(String name, Path applicationDir) {
            this.name = name;
            this.applicationDir = applicationDir;
        }

        /** Sets the board target. */
        public Builder board(String value) {
            this.board = value;
            return this;
        }

        /** Sets the board revision. */
        public Builder revision(String value) {
            this.revision = value;
            return this;
        }

        /** Sets the domain. */
        public Builder domain(String value) {
            this.domain = value;
            return this;
        }

        /** Sets the build type. */
        public Builder buildType(String value) {
            this.buildType = value;
            return this;
        }

        /** Sets the build strategy. */
        public Builder strategy(BuildStrategy value) {
            this.strategy = value;
            return this;
        }

        /** Sets the toolchain driver name. */
        public Builder toolchain(String value) {
            this.toolchain = value;
            return this;
        }

        /** Adds child images by name. */
        public Builder children(String... names) {
            children.addAll(List.of(names));
            return this;
        }

        /** Sets the inclusion condition. */
        public Builder condition(ImageCondition value) {
            this.condition = value;
            return this;
        }

        /** Marks a child declared without a module or source directory of its own. */
        public Builder withoutOwnDirectory() {
            this.ownDirectory = false;
            return this;
        }

        /** Sets where the image is declared, for messages. */
        public Builder declaredBy(String value) {
            this.declaredBy = value;
            return this;
        }

        /** The declaration. */
        public ImageDeclaration build() {
            return new ImageDeclaration(
                    name,
                    applicationDir,
                    nonEmpty(board),
                    nonEmpty(revision),
                    nonEmpty(domain),
                    nonEmpty(buildType),
                    Optional.ofNullable(strategy),
                    nonEmpty(toolchain),
                    children,
                    Optional.ofNullable(condition),
                    ownDirectory,
                    declaredBy);
        }

        private static Optional<String> nonEmpty(String value) {
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
    }
}
