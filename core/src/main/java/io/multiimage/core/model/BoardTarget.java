package io.multiimage.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A board target as users write it: {@code board[@revision][/qualifiers]}, for example
 * {@code nrf9151dk@0.9.0/nrf9151} or {@code nrf5340dk/nrf5340/cpunet}, or the older
 * underscore form {@code nrf9160dk_nrf9160_ns}.
 *
 * @param name the board name (before {@code @} and {@code /})
 * @param revision the revision written after {@code @}, if any
 * @param qualifiers what follows the first {@code /} (SoC, CPU cluster, variant), may be empty
 */
public record BoardTarget(String name, Optional<String> revision, String qualifiers) {

    private static final Pattern FORM =
            Pattern.compile("([A-Za-z0-9_.,+-]+)(?:@([A-Za-z0-9_.+-]+))?((?:/[A-Za-z0-9_.,+-]+)*)");

    /** Checks the parts. */
    public BoardTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(qualifiers, "qualifiers");
    }

    /**
     * Parses a board target.
     *
     * @param image the image it is for, named in the error
     * @throws ImageModelException when {@code text} is not {@code board[@revision][/qualifiers]}
     */
    public static BoardTarget parse(String image, String text) throws ImageModelException {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new ImageModelException(
                    image,
                    "Image '" + image + "': invalid board '" + text
                            + "': expected <board>[@<revision>][/<qualifiers>]");
        }
        String qualifiers = m.group(3).isEmpty() ? "" : m.group(3).substring(1);
        return new BoardTarget(m.group(1), Optional.ofNullable(m.group(2)), qualifiers);
    }

    /** The target without revision: {@code nrf9151dk/nrf9151}. */
    public String target() {
        return qualifiers.isEmpty() ? name : name + "/" + qualifiers;
    }

    /** The target as file names use it: no revision, {@code /} replaced by {@code _}. */
    public String fileToken() {
        return target().replace('/', '_');
    }

    /** The same target with another revision (or none). */
    public BoardTarget withRevision(Optional<String> newRevision) {
        return new BoardTarget(name, newRevision, qualifiers);
    }

    /**
     * The secure counterpart of a non-secure target: {@code x/y/ns} gives {@code x/y},
     * {@code x_y_ns} gives {@code x_y}; empty when this target is not non-secure.
     */
    public Optional<BoardTarget> secure() {
        if (qualifiers.equals("ns")) {
            return Optional.of(new BoardTarget(name, revision, ""));
        }
        if (qualifiers.endsWith("/ns")) {
            return Optional.of(new BoardTarget(name, revision, qualifiers.substring(0, qualifiers.length() - 3)));
        }
        if (qualifiers.isEmpty() && name.endsWith("_ns") && name.length() > 3) {
            return Optional.of(new BoardTarget(name.substring(0, name.length() - 3), revision, ""));
        }
        return Optional.empty();
    }

    /** {@code board[@revision][/qualifiers]}. */
    @Override
    public String toString() {
        return name + revision.map(r -> "@" + r).orElse("") + (qualifiers.isEmpty() ? "" : "/" + qualifiers);
    }
}
