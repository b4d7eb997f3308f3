package io.multiimage.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What to run: the program and its arguments as a list (never a shell string), the working
 * directory, the environment, a timeout, where output lines go and how many of the last lines
 * to keep for error messages. Instances are immutable; the {@code with}-style methods return
 * modified copies:
 *
 * <pre>{@code
 * ProcessSpec.of(List.of(gcc, "-c", "main.c"))
 *         .workingDir(sourceDir)
 *         .env(Map.of("LC_ALL", "C"))
 *         .timeout(Duration.ofMinutes(10))
 *         .onStderr(log::warn);
 * }</pre>
 *
 * @param command the program followed by its arguments; not empty
 * @param workingDir the directory the program runs in, or {@code null} for the JVM's own
 * @param env variables set for the program, on top of the inherited environment when
 *     {@code inheritEnv} is true, else the whole environment
 * @param inheritEnv whether the program also sees the JVM's environment
 * @param timeout how long the program may run before it is killed
 * @param stdoutConsumer receives each standard-output line (without the line end), on a
 *     thread of its own
 * @param stderrConsumer receives each standard-error line, on a thread of its own
 * @param tailLines how many last lines of each stream the result keeps
 */
public record ProcessSpec(
        List<String> command,
        Path workingDir,
        Map<String, String> env,
        boolean inheritEnv,
        Duration timeout,
        Consumer<String> stdoutConsumer,
        Consumer<String> stderrConsumer,
        int tailLines) {

    /** Timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** Lines of each stream kept for error messages when not told otherwise. */
    public static final int DEFAULT_TAIL_LINES = 40;

    private static final Consumer<String> IGNORE = line -> {};
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    /** Checks the values and takes immutable, sorted copies. */
    public ProcessSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a process needs a program to run");
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        stdoutConsumer = stdoutConsumer == null ? IGNORE : stdoutConsumer;
        stderrConsumer = stderrConsumer == null ? IGNORE : stderrConsumer;
        if (tailLines < 0) {
            throw new IllegalArgumentException("tailLines must not be negative: " + tailLines);
        }
    }

    /** A spec for {@code command} with the defaults: inherited environment, 10 minutes, 40 tail lines. */
    public static ProcessSpec of(List<String> command) {
        return new ProcessSpec(command, null, Map.of(), true, DEFAULT_TIMEOUT, IGNORE, IGNORE, DEFAULT_TAIL_LINES);
    }

    /** A copy that runs in {@code directory}. */
    public ProcessSpec workingDir(Path directory) {
        return new ProcessSpec(command, directory, env, inheritEnv, timeout, stdoutConsumer, stderrConsumer, tailLines);
    }

    /** A copy that also sets {@code variables} (later values win over earlier ones of the same name). */
    public ProcessSpec env(Map<String, String> variables) {
        Map<String, String> merged = new TreeMap<>(env);
        merged.putAll(variables);
        return new ProcessSpec(
                command, workingDir, merged, inheritEnv, timeout, stdoutConsumer, stderrConsumer, tailLines);
    }

    /** A copy whose program sees only the variables given with {@link #env(Map)}. */
    public ProcessSpec withoutInheritedEnv() {
        return new ProcessSpec(command, workingDir, env, false, timeout, stdoutConsumer, stderrConsumer, tailLines);
    }

    /** A copy with another timeout. */
    public ProcessSpec timeout(Duration limit) {
        return new ProcessSpec(command, workingDir, env, inheritEnv, limit, stdoutConsumer, stderrConsumer, tailLines);
    }

    /** A copy that sends standard-output lines to {@code consumer}. */
    public ProcessSpec onStdout(Consumer<String> consumer) {
        return new ProcessSpec(command, workingDir, env, inheritEnv, timeout, consumer, stderrConsumer, tailLines);
    }

    /** A copy that sends standard-error lines to {@code consumer}. */
    public ProcessSpec onStderr(Consumer<String> consumer) {
        return new ProcessSpec(command, workingDir, env, inheritEnv, timeout, stdoutConsumer, consumer, tailLines);
    }

    /** A copy that keeps the last {@code lines} lines of each stream. */
    public ProcessSpec tailLines(int lines) {
        return new ProcessSpec(command, workingDir, env, inheritEnv, timeout, stdoutConsumer, stderrConsumer, lines);
    }

    /** The command as a user can paste it into a POSIX shell: arguments quoted where needed. */
    public String commandLine() {
        return commandLine(command);
    }

    /** {@code arguments} joined with spaces, each quoted for a POSIX shell where needed. */
    public static String commandLine(List<String> arguments) {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            if (line.length() > 0) {
                line.append(' ');
            }
            if (PLAIN_ARGUMENT.matcher(argument).matches()) {
                line.append(argument);
            } else {
                line.append('\'').append(argument.replace("'", "'\\''")).append('\'');
            }
        }
        return line.toString();
    }
}
