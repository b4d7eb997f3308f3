package io.multiimage.signing.verify;

/**
 * The outcome of one verification step.
 *
 * @param name    which step
 * @param status  passed, failed, or not run (and why, in the message)
 * @param message what was found: the facts when passed, what is wrong and where when failed
 */
public record Check(Name name, Status status, String message) {

    /** The steps, in the order they run. */
    public enum Name {
        /** Header magic, header and image sizes. */
        HEADER,
        /** The protected TLV area, when the header declares one. */
        PROTECTED_TLV_AREA,
        /** The TLV area's info header and records. */
        TLV_AREA,
        /** The SHA256 TLV against the hash of header, image and protected TLVs. */
        HASH,
        /** The KEYHASH or PUBKEY TLV against the given public key. */
        KEY,
        /** The signature TLV with the given public key. */
        SIGNATURE,
        /** The trailer at the end of a padded image. */
        TRAILER
    }

    /** How a step ended. */
    public enum Status {
        /** The step found everything in order. */
        PASSED,
        /** The step found a problem. */
        FAILED,
        /** The step did not apply or could not run (an earlier step failed, no key was given). */
        NOT_RUN
    }

    /** Whether the step failed. */
    public boolean failed() {
        return status == Status.FAILED;
    }

    @Override
    public String toString() {
        return name + " " + status + ": " + message;
    }
}
