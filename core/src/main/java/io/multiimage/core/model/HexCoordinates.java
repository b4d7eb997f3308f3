package io.multiimage.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maven coordinates of a HEX artifact (type {@code hex}): {@code groupId:artifactId:version}
 * with an optional {@code :classifier}.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the version
 * @param classifier the classifier, empty when absent
 */
public record HexCoordinates(String groupId, String artifactId, String version, Optional<String> classifier)
        implements HexSource {

    /** Characters allowed in one coordinate part (Maven's own id characters plus version marks). */
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.+~-]+");

    /** Validates every part; use {@link #parse} for user input. */
    public HexCoordinates {
        Objects.requireNonNull(classifier, "classifier");
        for (String part : new String[] {groupId, artifactId, version, classifier.orElse("x")}) {
            if (part == null || !PART.matcher(part).matches()) {
                throw new IllegalArgumentException("invalid coordinate part '" + part + "'");
            }
        }
    }

    /**
     * Parses {@code groupId:artifactId:version[:classifier]}.
     *
     * @param image the image the coordinates are for, named in the error
     * @throws ImageModelException with the expected form when {@code text} does not match
     */
    public static HexCoordinates parse(String image, String text) throws ImageModelException {
        String[] parts = text.split(":", -1);
        boolean valid = (parts.length == 3 || parts.length == 4);
        for (int i = 0; valid && i < parts.length; i++) {
            valid = PART.matcher(parts[i]).matches();
        }
        if (!valid) {
            throw new ImageModelException(
                    image,
                    "Image '" + image + "': invalid HEX artifact coordinates '" + text
                            + "': expected groupId:artifactId:version[:classifier], each part made of letters, digits and . _ - + ~");
        }
        return new HexCoordinates(
                parts[0], parts[1], parts[2], parts.length == 4 ? Optional.of(parts[3]) : Optional.empty());
    }

    @Override
    public String describe() {
        return toString();
    }

    /** {@code groupId:artifactId:version[:classifier]}. */
    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version
                + classifier.map(c -> ":" + c).orElse("");
    }
}
