package io.multiimage.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Locates and runs the external tools the tests compare against or build with
 * ({@code arm-none-eabi-gcc}, {@code srec_cat}, {@code dtc}, Debian's {@code python3} with
 * {@code intelhex} or {@code kconfiglib}, {@code qemu-system-arm}).
 *
 * <p>A missing tool fails the test with the package to install: a differential test that
 * silently skipped would prove nothing. {@code ./test.sh} and {@code .ci/run} install them.
 */
public final class ReferenceTools {

    private ReferenceTools() {}

    /** Absolute path of {@code command} on PATH, or a test failure naming the Debian package. */
    public static Path require(String command, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail(command + " not found on PATH; install it with: apt-get install -y " + debianPackage);
    }

    /**
     * Debian's own interpreter, which sees the {@code python3-*} packages even when another
     * {@code python3} (pyenv, a venv) comes first on PATH. Fails unless {@code module} imports.
     */
    public static Path debianPython(String module, String debianPackage) {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            fail("/usr/bin/python3 not found; install it with: apt-get install -y python3 " + debianPackage);
        }
        Result probe = run(List.of(python.toString(), "-c", "import " + module), null, 60);
        if (probe.exitCode() != 0) {
            fail("python module " + module + " is missing; install it with: apt-get install -y " + debianPackage + "\n"
                    + probe.stderr());
        }
        return python;
    }

    /** Outcome of one tool run. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Fails the test, showing the tool's output, unless the tool exited 0. */
        public Result assertSuccess() {
            if (exitCode != 0) {
                fail("tool exited " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    /** Runs a command to completion, capturing both streams; fails the test on timeout. */
    public static Result run(List<String> command, Path workingDir, long timeoutSeconds) {
        return run(command, workingDir, Map.of(), timeoutSeconds);
    }

    /** Like {@link #run(List, Path, long)}, with {@code environment} added to this JVM's. */
    public static Result run(
            List<String> command, Path workingDir, Map<String, String> environment, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().putAll(environment);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running " + command);
        }
    }

    private static String drain(InputStream stream) {
        try (InputStream in = stream) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
