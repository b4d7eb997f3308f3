package io.multiimage.maven.resolve;

import java.util.List;

/** A prebuilt image's HEX could not be resolved; the message names what was looked for and where. */
public class HexArtifactNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param coordinates what was looked for
     * @param repositories every repository tried, credentials masked
     * @param offline whether Maven was offline
     * @param credentialProblems which repository refused which {@code <server>}'s credentials, first
     * @param detail the resolver's own message, credentials masked
     */
    public HexArtifactNotFoundException(String coordinates, String repositories, boolean offline,
            List<String> credentialProblems, String detail) {
        super("Cannot resolve prebuilt HEX " + coordinates + " from " + repositories
                + (offline ? " (Maven is offline: only the local repository was searched)" : "")
                + ": " + (credentialProblems.isEmpty() ? "" : String.join("; ", credentialProblems) + ". ")
                + detail);
    }
}
