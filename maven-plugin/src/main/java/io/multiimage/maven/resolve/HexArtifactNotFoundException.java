package io.multiimage.maven.resolve;

/** A prebuilt image's HEX could not be resolved; the message names what was looked for and where. */
public class HexArtifactNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public HexArtifactNotFoundException(String coordinates, String repositories, boolean offline, Throwable cause) {
        super("Cannot resolve prebuilt HEX " + coordinates + " from " + repositories
                + (offline ? " (Maven is offline: only the local repository was searched)" : "")
                + ": " + cause.getMessage());
    }
}
