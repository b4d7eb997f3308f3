package io.multiimage.signing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An MCUboot image version {@code major.minor.revision+build}: 8, 8, 16 and 32 bits, so at most
 * {@code 255.255.65535+4294967295}.
 *
 * <p>{@link #parse} reads imgtool's {@code --version} syntax; {@link #fromMavenVersion} maps a
 * POM version onto it:
 *
 * <table>
 *   <caption>Maven versions and the image versions they map to</caption>
 *   <tr><th>Maven</th><th>image</th></tr>
 *   <tr><td>{@code 1.2.3}</td><td>{@code 1.2.3+0}</td></tr>
 *   <tr><td>{@code 1.2}</td><td>{@code 1.2.0+0}</td></tr>
 *   <tr><td>{@code 1}</td><td>{@code 1.0.0+0}</td></tr>
 *   <tr><td>{@code 1.2.3-4} (Maven build number)</td><td>{@code 1.2.3+4}</td></tr>
 *   <tr><td>{@code 1.2.3-SNAPSHOT}</td><td>{@code 1.2.3+0}: a snapshot maps to build 0</td></tr>
 *   <tr><td>{@code 1.2.3-4-SNAPSHOT}</td><td>{@code 1.2.3+4}</td></tr>
 * </table>
 * Anything else ({@code 1.2.3-rc1}, {@code 1.2.3.4}, out-of-range numbers) does not map.
 *
 * @param major    0-255
 * @param minor    0-255
 * @param revision 0-65535
 * @param build    0-4294967295
 */
public record ImageVersion(int major, int minor, int revision, long build) {

    /** Largest major and minor number. */
    public static final int MAX_MAJOR_MINOR = 0xff;
    /** Largest revision. */
    public static final int MAX_REVISION = 0xffff;
    /** Largest build number. */
    public static final long MAX_BUILD = 0xffffffffL;

    private static final String NUMBER = "(0|[1-9][0-9]*)";
    /** imgtool's syntax: later parts optional, no leading zeros, build only after a revision. */
    private static final Pattern IMGTOOL =
            Pattern.compile(NUMBER + "(?:\\." + NUMBER + "(?:\\." + NUMBER + "(?:\\+" + NUMBER + ")?)?)?");

    private static final Pattern MAVEN =
            Pattern.compile(NUMBER + "(?:\\." + NUMBER + "(?:\\." + NUMBER + ")?)?(?:-" + NUMBER + ")?(-SNAPSHOT)?");

    /** Validates the ranges. */
    public ImageVersion {
        check("major", major, MAX_MAJOR_MINOR);
        check("minor", minor, MAX_MAJOR_MINOR);
        check("revision", revision, MAX_REVISION);
        check("build", build, MAX_BUILD);
    }

    private static void check(String part, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(
                    "the image version's " + part + " number " + value + " is out of range 0-" + max);
        }
    }

    /**
     * Parses imgtool's {@code major[.minor[.revision[+build]]]}.
     *
     * @throws InvalidVersionException not that syntax, or a part out of range
     */
    public static ImageVersion parse(String text) throws InvalidVersionException {
        Matcher m = IMGTOOL.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new InvalidVersionException("'" + text + "' is not an MCUboot image version: expected"
                    + " major.minor.revision+build (later parts optional, e.g. 1.2.3+4), each a decimal number"
                    + " without leading zeros, at most " + maxText());
        }
        return of(text, m.group(1), m.group(2), m.group(3), m.group(4));
    }

    /**
     * Maps a Maven project version to an image version (table above).
     *
     * @throws InvalidVersionException the version does not map; the message says how to set the
     *                                 image version explicitly
     */
    public static ImageVersion fromMavenVersion(String mavenVersion) throws InvalidVersionException {
        Matcher m = MAVEN.matcher(mavenVersion == null ? "" : mavenVersion.strip());
        if (!m.matches()) {
            throw new InvalidVersionException("the project version '" + mavenVersion + "' does not map to an"
                    + " MCUboot image version: only major[.minor[.revision]][-buildnumber][-SNAPSHOT] maps"
                    + " (e.g. 1.2.3 -> 1.2.3+0, 1.2.3-4 -> 1.2.3+4, 1.2.3-SNAPSHOT -> 1.2.3+0)."
                    + " Set the image version explicitly in imgtool's syntax (major.minor.revision+build,"
                    + " e.g. 1.2.3+4)");
        }
        try {
            return of(mavenVersion, m.group(1), m.group(2), m.group(3), m.group(4));
        } catch (InvalidVersionException e) {
            throw new InvalidVersionException("the project version '" + mavenVersion + "' does not map to an"
                    + " MCUboot image version: " + e.getMessage() + ". Set the image version explicitly in"
                    + " imgtool's syntax (major.minor.revision+build, e.g. 1.2.3+4)");
        }
    }

    private static ImageVersion of(String text, String major, String minor, String revision, String build)
            throws InvalidVersionException {
        long[] parts = {number(major), number(minor), number(revision), number(build)};
        long[] limits = {MAX_MAJOR_MINOR, MAX_MAJOR_MINOR, MAX_REVISION, MAX_BUILD};
        String[] names = {"major", "minor", "revision", "build"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] < 0 || parts[i] > limits[i]) {
                throw new InvalidVersionException("the " + names[i] + " number of '" + text + "' is out of range 0-"
                        + limits[i] + " (the largest version is " + maxText() + ")");
            }
        }
        return new ImageVersion((int) parts[0], (int) parts[1], (int) parts[2], parts[3]);
    }

    /** The part's value, 0 when absent, -1 when too long to be in any range. */
    private static long number(String digits) {
        if (digits == null) {
            return 0;
        }
        return digits.length() > 12 ? -1 : Long.parseLong(digits);
    }

    private static String maxText() {
        return MAX_MAJOR_MINOR + "." + MAX_MAJOR_MINOR + "." + MAX_REVISION + "+" + MAX_BUILD;
    }

    /**
     * The security counter imgtool derives from the version for {@code -s auto}:
     * {@code major << 24 | minor << 16 | revision} (the build number is not part of it).
     */
    public long autoSecurityCounter() {
        return ((long) major << 24) + ((long) minor << 16) + revision;
    }

    /** {@code 1.2.3+4}: imgtool's syntax, and NCS's {@code version_MCUBOOT} in manifest.json. */
    @Override
    public String toString() {
        return major + "." + minor + "." + revision + "+" + build;
    }
}
