package io.multiimage.maven;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.OutputWriteException;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojoExecutionException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one place where core's failures become Maven's, by who must act: the user's configuration
 * or firmware ({@link InvalidConfigurationException}) fails the build without a stack trace
 * ({@link MojoFailureException}); the environment ({@link EnvironmentException}, I/O) is an
 * execution error; anything else is a defect of multiimage, reported as one.
 */
final class FailureTranslation {

    private FailureTranslation() {}

    /** The Maven failure for {@code failure}, thrown by one call into core. */
    static AbstractMojoExecutionException of(Exception failure) {
        if (failure instanceof InvalidConfigurationException user) {
            return new MojoFailureException(user.getMessage(), user);
        }
        if (failure instanceof EnvironmentException environment) {
            return new MojoExecutionException(environment.getMessage(), environment);
        }
        if (failure instanceof OutputWriteException output) {
            return new MojoExecutionException(output.getMessage(), output);
        }
        if (failure instanceof IOException io) {
            return new MojoExecutionException("Reading or writing firmware files failed: " + io, io);
        }
        if (failure instanceof InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new MojoExecutionException("Firmware build interrupted", interrupted);
        }
        return new MojoExecutionException(
                "A defect in multiimage (please report it with the output of mvn -e): " + failure, failure);
    }

    /** Throws the Maven failure for {@code failure}. */
    static void rethrow(Exception failure) throws MojoExecutionException, MojoFailureException {
        AbstractMojoExecutionException translated = of(failure);
        if (translated instanceof MojoFailureException user) {
            throw user;
        }
        throw (MojoExecutionException) translated;
    }
}
