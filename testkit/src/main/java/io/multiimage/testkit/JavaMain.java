package io.multiimage.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command-line main class in a fresh JVM with the test's class path and the JVM's
 * default settings (default thread stack, no agent): what a user starting the tool gets,
 * including how a {@code StackOverflowError} or {@code System.exit} would show.
 */
public final class JavaMain {

    private JavaMain() {}

    /**
     * Runs {@code mainClass} with {@code args}; fails the test after {@code timeoutSeconds}.
     *
     * @param workingDir the process's working directory, or null for the test's
     */
    public static ReferenceTools.Result run(
            Class<?> mainClass, List<String> args, Path workingDir, long timeoutSeconds) {
        return run(List.of(), mainClass, args, workingDir, timeoutSeconds);
    }

    /** Like {@link #run(Class, List, Path, long)} with JVM options such as {@code -Xmx64m} first. */
    public static ReferenceTools.Result run(
            List<String> jvmOptions, Class<?> mainClass, List<String> args, Path workingDir, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return ReferenceTools.run(command, workingDir, timeoutSeconds);
    }
}
