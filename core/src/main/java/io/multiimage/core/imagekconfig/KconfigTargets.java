package io.multiimage.core.imagekconfig;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Kconfig targets of an image (the seed's {@code EXTRA_KCONFIG_TARGETS}): {@value #SAVEDEFCONFIG}
 * is built in and writes the minimal configuration to {@code <image build dir>/defconfig}; a
 * user-declared target runs its command with the image's Kconfig environment
 * ({@link #environment}), in the image's application directory.
 */
public final class KconfigTargets {

    /** The built-in target that writes the minimal configuration. */
    public static final String SAVEDEFCONFIG = "savedefconfig";

    private KconfigTargets() {}

    /**
     * A user-declared target.
     *
     * @param name the name {@code -Dfirmware.kconfig.target} selects
     * @param command the program and its arguments
     */
    public record Target(String name, List<String> command) {

        /** Checks the parts. */
        public Target {
            Objects.requireNonNull(name, "name");
            command = List.copyOf(command);
        }
    }

    /**
     * The environment of a target's command: the image's variables, then its Kconfig environment
     * ({@code srctree}, {@code KCONFIG_ROOT}, {@code BOARD}, ...), then {@code KCONFIG_CONFIG},
     * the image's {@code .config} (written from the session first).
     */
    public static Map<String, String> environment(ImageKconfigSession session, Path dotConfig) {
        Map<String, String> env = new TreeMap<>(session.variables());
        env.putAll(session.setup().environment());
        env.put("KCONFIG_CONFIG", dotConfig.toAbsolutePath().toString());
        return env;
    }

    /**
     * Runs the target {@code name}.
     *
     * @param declared the user-declared targets
     * @throws InvalidConfigurationException an unknown target, or a command that failed
     */
    public static void run(
            ImageKconfigSession session, String name, List<Target> declared, ProcessLauncher launcher, BuildLog log)
            throws FirmwareException, IOException, InterruptedException {
        if (name.equals(SAVEDEFCONFIG)) {
            Path defconfig = session.buildDirectory().resolve("defconfig");
            java.nio.file.Files.createDirectories(session.buildDirectory());
            AtomicFiles.writeString(defconfig, session.kconfig().minimalConfigText(""));
            log.info(session.image() + ": saved minimal configuration to "
                    + session.setup().layout().relative(defconfig));
            return;
        }
        Target target = declared.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new InvalidConfigurationException("Kconfig target '" + name + "' is not declared; targets: "
                                + String.join(", ", names(declared)) + " (<kconfigTargets> in the POM)"));
        if (target.command().isEmpty()) {
            throw new InvalidConfigurationException("Kconfig target '" + name + "' has no command");
        }
        Path dotConfig = session.writeBuildConfig();
        ProcessResult result = launcher.run(ProcessSpec.of(target.command())
                .workingDir(Path.of(session.setup().environment().get("APPLICATION_SOURCE_DIR")))
                .env(environment(session, dotConfig))
                .onStdout(log::info)
                .onStderr(log::warn));
        if (!result.succeeded()) {
            throw new InvalidConfigurationException("Kconfig target '" + name + "' of image " + session.image()
                    + " failed: " + result.commandLine() + " exited with " + result.exitCode());
        }
        log.info(session.image() + ": Kconfig target '" + name + "' done");
    }

    private static List<String> names(List<Target> declared) {
        List<String> names = new ArrayList<>(List.of(SAVEDEFCONFIG));
        declared.forEach(t -> names.add(t.name()));
        return names;
    }
}
