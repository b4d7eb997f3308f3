package io.multiimage.core.config;

import io.multiimage.core.model.BuildStrategy;
import io.multiimage.core.model.HexCoordinates;
import io.multiimage.core.model.HexFile;
import io.multiimage.core.model.HexSource;
import io.multiimage.core.model.ImageModelException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one rule that turns the four settings of a child's build strategy — the strategy, a HEX
 * file, HEX coordinates, a sha256 pin — into a {@link BuildStrategy}, wherever they are written
 * (a {@code <childImage>} element of a POM, {@code -D} properties): a HEX alone means use-hex,
 * from-source and skip take no HEX, use-hex takes exactly one HEX. Messages name the settings as
 * the user writes them there ({@link Names}).
 *
 * @param strategy the strategy's id, if given
 * @param hexFile the HEX file, if given
 * @param hexArtifact the HEX coordinates {@code g:a:v[:classifier]}, if given
 * @param sha256 the pin, if given
 * @param names how the settings are written where they come from
 */
public record BuildStrategySettings(
        Optional<String> strategy,
        Optional<String> hexFile,
        Optional<String> hexArtifact,
        Optional<String> sha256,
        Names names) {

    /** How the four settings are written, and a setting with its value. */
    public interface Names {
        /** The strategy setting, e.g. {@code -Dmcuboot.buildStrategy} or {@code <buildStrategy>}. */
        String strategy();

        /** The HEX file setting. */
        String hexFile();

        /** The HEX coordinates setting. */
        String hexArtifact();

        /** The pin setting. */
        String sha256();

        /** {@code name} with {@code value}, e.g. {@code -Dmcuboot.buildStrategy=skip} or {@code <buildStrategy>skip</buildStrategy>}. */
        String shown(String name, String value);
    }

    /** True when a strategy or a HEX is given (a pin alone is not a strategy). */
    public boolean saysAnything() {
        return strategy.isPresent() || hexFile.isPresent() || hexArtifact.isPresent();
    }

    /**
     * The strategy these settings give; empty when they give none.
     *
     * @param image the child, named in errors
     * @param hexFileBase the directory a relative HEX file is relative to (an empty path keeps it relative)
     * @param otherSource where the HEX comes from when use-hex is asked without one here, if anywhere
     * @param where what a message starts with, e.g. {@code Image 'mcuboot'} or {@code <childImage> 'x' in app/pom.xml}
     * @throws ImageModelException naming the settings that do not fit together
     */
    public Optional<BuildStrategy> parse(String image, Path hexFileBase, Optional<HexSource> otherSource, String where)
            throws ImageModelException {
        if (!saysAnything()) {
            if (sha256.isPresent()) {
                throw error(image, where, names.sha256() + " needs " + names.hexFile() + " or " + names.hexArtifact());
            }
            return Optional.empty();
        }
        String id = strategy.map(String::trim).orElse("use-hex");
        String decider = strategy.isPresent()
                ? names.shown(names.strategy(), strategy.get().trim())
                : hexFile.isPresent() ? names.hexFile() : names.hexArtifact();
        switch (id) {
            case "from-source", "skip" -> {
                Optional<String> extra = hexFile.map(v -> names.hexFile())
                        .or(() -> hexArtifact.map(v -> names.hexArtifact()))
                        .or(() -> sha256.map(v -> names.sha256()));
                if (extra.isPresent()) {
                    throw error(
                            image,
                            where,
                            decider + " cannot be combined with " + extra.get() + ", which only applies to use-hex");
                }
                return Optional.of(id.equals("skip") ? new BuildStrategy.Skip() : BuildStrategy.fromSource());
            }
            case "use-hex" -> {
                if (hexFile.isPresent() && hexArtifact.isPresent()) {
                    throw error(
                            image,
                            where,
                            names.hexFile() + " and " + names.hexArtifact() + " are both set; give one of them");
                }
                HexSource source;
                if (hexFile.isPresent()) {
                    source = new HexFile(
                            hexFileBase.resolve(hexFile.get().trim()).normalize());
                } else if (hexArtifact.isPresent()) {
                    source = HexCoordinates.parse(image, hexArtifact.get().trim());
                } else if (otherSource.isPresent()) {
                    source = otherSource.get();
                } else {
                    throw error(
                            image,
                            where,
                            decider + " needs " + names.shown(names.hexFile(), "<path>") + " or "
                                    + names.shown(names.hexArtifact(), "<groupId:artifactId:version[:classifier]>"));
                }
                return Optional.of(BuildStrategy.UseHex.of(image, source, sha256.orElse(null)));
            }
            default ->
                throw error(image, where, decider + " is not a build strategy: expected from-source, use-hex or skip");
        }
    }

    private static ImageModelException error(String image, String where, String detail) {
        return new ImageModelException(image, where + ": " + detail);
    }
}
