package io.multiimage.maven.resolve;

import java.util.List;

/**
 * A prebuilt image's HEX (or another artifact the build needs, such as a baseline's
 * {@code build-info.json}) could not be resolved; the message names what was looked for and where.
 */
public class HexArtifactNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param coordinates what was looked for
     * @param repositories every repository tried, credentials masked
     * @param offline whether Maven was offline
     * @param credentialProblems which repository refused which {@code <server>}'s credentials, first
     * @param detail the resolver's own message, credentials masked
     */
    public HexArtifactNotFoundException(
            String coordinates, String repositories, boolean offline, List<String> credentialProblems, String detail) {
        this("prebuilt HEX", coordinates, repositories, offline, credentialProblems, detail);
    }

    /**
     * @param what what was looked for, e.g. {@code prebuilt HEX}
     * @param coordinates its coordinates
     * @param repositories every repository tried, credentials masked
     * @param offline whether Maven was offline
     * @param credentialProblems which repository refused which {@code <server>}'s credentials, first
     * @param detail the resolver's own message, credentials masked
     */
    public HexArtifactNotFoundException(
            String what,
            String coordinates,
            String repositories,
            boolean offline,
            List<String> credentialProblems,
            String detail) {
        super("Cannot resolve " + what + " " + coordinates + " from " + repositories
                + (offline ? " (Maven is offline: only the local repository was searched)" : "")
                + ": " + (credentialProblems.isEmpty() ? "" : String.join("; ", credentialProblems) + ". ")
                + detail);
    }
}
