package io.multiimage.core.toolchain;

import io.multiimage.core.EnvironmentException;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.concurrent.BoundedTasks;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.spi.ProcessLauncher;
import io.multiimage.core.spi.ProcessResult;
import io.multiimage.core.spi.ProcessSpec;
import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code gnu-arm} driver: compiles every {@code .c}, {@code .s} and {@code .S} file under
 * the image's source directory with {@code arm-none-eabi-gcc} (in parallel, bounded by the
 * request's parallelism), links them with a {@linkplain LinkerScript generated linker script}
 * that places the image at its flash partition, and measures the result with
 * {@code arm-none-eabi-size}.
 *
 * <p>Outputs in the build directory: {@code obj/<relative source path>.o} (and {@code .d}
 * dependency files), {@code <image>.ld}, {@code <image>.elf}, {@code <image>.map}. The ELF and
 * the map are written under temporary names and moved into place once the link succeeded.
 */
public final class GnuArmToolchain implements Toolchain {

    /** The driver's name. */
    public static final String ID = "gnu-arm";

    /** The compiler's file name. */
    public static final String GCC = "arm-none-eabi-gcc";

    /** What to tell a user whose machine has no cross-compiler. */
    public static final String INSTALL_HINT = "Install the GNU Arm Embedded toolchain with "
            + "'sudo apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi', or set firmware.toolchain.path "
            + "to the directory that holds arm-none-eabi-gcc.";

    private static final Pattern REGION_OVERFLOW = Pattern.compile("region `(FLASH|RAM)' overflowed by (\\d+) bytes");
    private static final String NEWLIB_HINT = "The C library for the cross-compiler is missing: install it with "
            + "'sudo apt-get install libnewlib-arm-none-eabi'.";

    private static final int EXCERPT_HEAD = 30;
    private static final int EXCERPT_TAIL = 10;

    private final ExecutableLocator locator;
    private final GnuArmSettings settings;
    private final ProcessLauncher launcher;
    private final BuildLog log;
    private final ToolVersion versions;

    /** A driver that finds the compiler with {@code locator} and asks its version every time. */
    public GnuArmToolchain(ExecutableLocator locator, GnuArmSettings settings, ProcessLauncher launcher, BuildLog log) {
        this(locator, settings, launcher, log, ToolVersion.askingEveryTime());
    }

    /** A driver that finds the compiler with {@code locator} and remembers its version in {@code versions}. */
    public GnuArmToolchain(
            ExecutableLocator locator,
            GnuArmSettings settings,
            ProcessLauncher launcher,
            BuildLog log,
            ToolVersion versions) {
        this.locator = locator;
        this.settings = settings;
        this.launcher = launcher;
        this.log = log;
        this.versions = versions;
    }

    /**
     * A driver with default settings that finds the compiler in {@code toolchainPath} (or its
     * {@code bin/}) when given, else on {@code PATH}.
     */
    public static GnuArmToolchain create(Optional<Path> toolchainPath, ProcessLauncher launcher, BuildLog log) {
        return create(toolchainPath, launcher, log, ToolVersion.askingEveryTime());
    }

    /** As {@link #create(Optional, ProcessLauncher, BuildLog)}, remembering the compiler's version in {@code versions}. */
    public static GnuArmToolchain create(
            Optional<Path> toolchainPath, ProcessLauncher launcher, BuildLog log, ToolVersion versions) {
        return new GnuArmToolchain(
                ExecutableLocator.of(toolchainPath), GnuArmSettings.defaults(), launcher, log, versions);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ToolchainOutputs build(ToolchainRequest request) throws FirmwareException, InterruptedException {
        Path gcc = locator.require(GCC, INSTALL_HINT);
        List<Path> sources = SourceFiles.find(request.imageName(), request.sourceDir());
        Path buildDir = request.buildDir();
        Path script = buildDir.resolve(request.imageName() + ".ld");
        Path elf = buildDir.resolve(request.imageName() + ".elf");
        Path map = buildDir.resolve(request.imageName() + ".map");
        try {
            Files.createDirectories(buildDir);
            // A build that fails or is interrupted must not leave the previous image looking current.
            Files.deleteIfExists(elf);
            Files.deleteIfExists(map);
            AtomicFiles.writeString(
                    script,
                    LinkerScript.render(
                            request.imageName(),
                            request.flash(),
                            request.ram(),
                            request.cpu().cmse()));
        } catch (IOException e) {
            throw new EnvironmentException("Image '" + request.imageName() + "': cannot write " + script + ": " + e, e);
        }
        log.info("Image '" + request.imageName() + "': compiling " + sources.size() + " source file"
                + (sources.size() == 1 ? "" : "s") + " with " + gcc + " (" + request.parallelism() + " parallel)");
        List<Path> objects = compileAll(gcc, request, sources);
        link(gcc, request, script, objects, elf, map);
        Optional<SizeReport> size = measure(gcc, request, elf);
        size.ifPresent(report -> log.info("Image '" + request.imageName() + "': " + report.summary()));
        return new ToolchainOutputs(Optional.of(elf), Optional.empty(), Optional.of(map), size);
    }

    @Override
    public String fingerprint(ToolchainRequest request) throws FirmwareException, InterruptedException {
        Path gcc = locator.require(GCC, INSTALL_HINT);
        StringBuilder text = new StringBuilder();
        text.append("toolchain=").append(ID).append('\n');
        text.append("gcc=").append(gcc).append('\n');
        text.append("gcc-version=")
                .append(versions.of(
                        launcher, gcc, request.buildDir().resolve(".state").resolve("gcc-version")))
                .append('\n');
        text.append("cpu=").append(String.join(" ", request.cpu().buildFlags())).append('\n');
        text.append("compiler-flags=")
                .append(ProcessSpec.commandLine(settings.compilerFlags()))
                .append('\n');
        text.append("linker-flags=")
                .append(ProcessSpec.commandLine(settings.linkerFlags()))
                .append('\n');
        text.append("include-dirs=").append(request.includeDirs()).append('\n');
        text.append("defines=").append(request.defines()).append('\n');
        text.append("extra-args=")
                .append(ProcessSpec.commandLine(request.extraArgs()))
                .append('\n');
        text.append("linker-script=\n")
                .append(LinkerScript.render(
                        request.imageName(),
                        request.flash(),
                        request.ram(),
                        request.cpu().cmse()));
        return text.toString();
    }

    /** What gcc's dependency files ({@code -MMD}) say the compiles read. */
    @Override
    public List<Path> filesRead(ToolchainRequest request) throws FirmwareException {
        try {
            return DependencyFiles.read(request.buildDir().resolve("obj"), request.sourceDir());
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Image '" + request.imageName() + "': cannot read the compiler's dependency" + " files in "
                            + request.buildDir().resolve("obj") + ": " + e.getMessage(),
                    e);
        }
    }

    private List<Path> compileAll(Path gcc, ToolchainRequest request, List<Path> sources)
            throws FirmwareException, InterruptedException {
        List<BoundedTasks.Task<Path, FirmwareException, RuntimeException>> jobs = new ArrayList<>();
        for (Path source : sources) {
            Path object = request.buildDir().resolve("obj").resolve(SourceFiles.slashed(source) + ".o");
            jobs.add(() -> compile(gcc, request, source, object));
        }
        // The reported error is the first in source order; interrupting the workers makes their
        // launcher kill the running compilers.
        return BoundedTasks.run(
                jobs, request.parallelism(), n -> "gnu-arm-" + request.imageName() + "-" + n, FirmwareException.class);
    }

    private Path compile(Path gcc, ToolchainRequest request, Path source, Path object)
            throws FirmwareException, InterruptedException {
        String relative = SourceFiles.slashed(source);
        try {
            Files.createDirectories(object.getParent());
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Image '" + request.imageName() + "': cannot create " + object.getParent() + ": " + e, e);
        }
        List<String> command = new ArrayList<>();
        command.add(gcc.toString());
        command.addAll(request.cpu().buildFlags());
        command.addAll(settings.compilerFlags());
        // Written under this process's own names and moved into place when the compiler is done:
        // an orphaned compiler of a killed build never writes a file this build reads.
        Path objectPart = part(object);
        Path depFile = object.resolveSibling(object.getFileName() + ".d");
        Path depPart = part(depFile);
        if (!relative.endsWith(".s")) {
            // Plain .s files are not preprocessed, so they have no dependencies to record.
            command.addAll(List.of("-MMD", "-MP", "-MF", depPart.toString(), "-MT", object.toString()));
        }
        for (Path include : request.includeDirs()) {
            command.add("-I" + include.toAbsolutePath());
        }
        // Headers at the top of the source tree are found from every sub-directory by
        // #include "x.h", without shadowing system headers included with <x.h>.
        command.addAll(List.of("-iquote", request.sourceDir().toString()));
        // The checkout's location stays out of the debug information and __FILE__: the same
        // commit gives the same ELF in any directory.
        request.projectDir().ifPresent(root -> command.add("-ffile-prefix-map=" + root + "=."));
        for (Map.Entry<String, String> define : request.defines().entrySet()) {
            command.add(
                    define.getValue().isEmpty()
                            ? "-D" + define.getKey()
                            : "-D" + define.getKey() + "=" + define.getValue());
        }
        command.addAll(request.extraArgs());
        // A relative source path keeps absolute checkout paths out of __FILE__ and messages.
        command.addAll(List.of("-c", relative, "-o", objectPart.toString()));
        try {
            run(request, "compiling " + relative, command, request.sourceDir());
            if (Files.exists(depPart)) {
                AtomicFiles.moveIntoPlace(depPart, depFile);
            } else {
                Files.deleteIfExists(depFile);
            }
            AtomicFiles.moveIntoPlace(objectPart, object);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Image '" + request.imageName() + "': cannot move " + object.getFileName() + " into place: " + e,
                    e);
        } finally {
            deleteQuietly(objectPart);
            deleteQuietly(depPart);
        }
        return object;
    }

    private void link(Path gcc, ToolchainRequest request, Path script, List<Path> objects, Path elf, Path map)
            throws FirmwareException, InterruptedException {
        // The linker runs in the build directory with relative names: the map file (which names
        // the output and every object) is then the same in any checkout and for any process.
        Path buildDir = request.buildDir();
        Path elfPart = elf.resolveSibling(elf.getFileName() + ".part");
        Path mapPart = map.resolveSibling(map.getFileName() + ".part");
        deleteQuietly(elfPart);
        deleteQuietly(mapPart);
        List<String> command = new ArrayList<>();
        command.add(gcc.toString());
        command.addAll(request.cpu().buildFlags());
        command.addAll(settings.linkerFlags());
        command.add("-Wl,-Map=" + relative(buildDir, mapPart));
        command.addAll(List.of("-T", relative(buildDir, script)));
        for (Path object : objects) {
            command.add(relative(buildDir, object));
        }
        command.addAll(List.of("-o", relative(buildDir, elfPart)));
        try {
            run(request, "linking " + elf.getFileName(), command, buildDir);
        } catch (ToolchainFailedException e) {
            deleteQuietly(elfPart);
            deleteQuietly(mapPart);
            throw explainLinkFailure(request, e);
        }
        try {
            AtomicFiles.moveIntoPlace(mapPart, map);
            AtomicFiles.moveIntoPlace(elfPart, elf);
        } catch (IOException e) {
            throw new EnvironmentException(
                    "Image '" + request.imageName() + "': cannot move the linked image into place: " + e, e);
        }
    }

    /** {@code file} relative to {@code dir} when inside it, with '/'; else absolute. */
    private static String relative(Path dir, Path file) {
        Path base = dir.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? SourceFiles.slashed(base.relativize(absolute)) : absolute.toString();
    }

    /** This process's temporary name for {@code file} (see {@code Leftovers}): {@code name.<pid>.part}. */
    private static Path part(Path file) {
        return file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only a leftover temporary file; the next build overwrites it.
        }
    }

    /** Turns the linker's overflow and assertion messages into errors a user can act on. */
    private static FirmwareException explainLinkFailure(ToolchainRequest request, ToolchainFailedException e) {
        String output = String.join("\n", e.outputTail());
        Matcher overflow = REGION_OVERFLOW.matcher(output);
        if (overflow.find()) {
            long bytes = Long.parseLong(overflow.group(2));
            if (overflow.group(1).equals("FLASH")) {
                return new ImageTooLargeException(
                        request.imageName(),
                        "flash partition",
                        request.flash(),
                        bytes,
                        "Make the image smaller or give its partition more room (its size in pm.yml or pm_static.yml, "
                                + "or CONFIG_FLASH_LOAD_SIZE for an image placed by CONFIG_FLASH_LOAD_OFFSET).");
            }
            return new ImageTooLargeException(
                    request.imageName(),
                    "RAM",
                    request.ram(),
                    bytes,
                    "Use fewer or smaller variables, or give the image more RAM.");
        }
        if (output.contains(LinkerScript.MISSING_VECTOR_TABLE)) {
            return new InvalidConfigurationException(
                    "Image '" + request.imageName() + "': " + LinkerScript.MISSING_VECTOR_TABLE
                            + " (for example: __attribute__((section(\".isr_vector\"), used)) const vector_t vectors[] = {...};)",
                    e);
        }
        if (output.contains("spec file 'nano.specs'") || output.contains("cannot find -lc_nano")) {
            return new InvalidConfigurationException(
                    "Image '" + request.imageName() + "': " + NEWLIB_HINT + "\n" + e.getMessage(), e);
        }
        return e;
    }

    private Optional<SizeReport> measure(Path gcc, ToolchainRequest request, Path elf)
            throws FirmwareException, InterruptedException {
        Path sizeTool = gcc.resolveSibling("arm-none-eabi-size");
        if (!Files.isExecutable(sizeTool)) {
            log.warn("Image '" + request.imageName() + "': no size report, " + sizeTool + " not found");
            return Optional.empty();
        }
        List<String> command = List.of(sizeTool.toString(), "--format=berkeley", elf.toString());
        ProcessResult result = run(request, "measuring " + elf.getFileName(), command, request.buildDir());
        return Optional.of(parseBerkeley(result.stdoutTail(), request));
    }

    /** Reads the numbers line of {@code size --format=berkeley}: text, data, bss, dec, hex, file. */
    static SizeReport parseBerkeley(List<String> lines, ToolchainRequest request) throws FirmwareException {
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3
                    && fields[0].matches("\\d+")
                    && fields[1].matches("\\d+")
                    && fields[2].matches("\\d+")) {
                return new SizeReport(
                        Long.parseLong(fields[0]),
                        Long.parseLong(fields[1]),
                        Long.parseLong(fields[2]),
                        request.flash().size(),
                        request.ram().size());
            }
        }
        throw new EnvironmentException(
                "Image '" + request.imageName() + "': cannot read the output of arm-none-eabi-size: " + lines);
    }

    /**
     * The compiler's messages for an error report. The first error matters most (later ones
     * often follow from it) and the last lines hold the summary, so a long output keeps both
     * ends.
     */
    static List<String> excerpt(List<String> lines) {
        if (lines.size() <= EXCERPT_HEAD + EXCERPT_TAIL) {
            return List.copyOf(lines);
        }
        List<String> excerpt = new ArrayList<>(lines.subList(0, EXCERPT_HEAD));
        excerpt.add("... (" + (lines.size() - EXCERPT_HEAD - EXCERPT_TAIL) + " more lines) ...");
        excerpt.addAll(lines.subList(lines.size() - EXCERPT_TAIL, lines.size()));
        return excerpt;
    }

    /** Runs one tool; its error lines are logged as warnings when it succeeds. */
    private ProcessResult run(ToolchainRequest request, String step, List<String> command, Path workingDir)
            throws FirmwareException, InterruptedException {
        List<String> diagnostics = Collections.synchronizedList(new ArrayList<>());
        ProcessSpec spec = ProcessSpec.of(command)
                .workingDir(workingDir)
                .timeout(settings.commandTimeout())
                .onStdout(log::debug)
                .onStderr(diagnostics::add);
        ProcessResult result = ToolCommand.run(request, log, launcher, step, spec);
        if (!result.succeeded()) {
            List<String> output;
            synchronized (diagnostics) {
                output = diagnostics.isEmpty() ? result.stdoutTail() : excerpt(diagnostics);
            }
            throw new ToolchainFailedException(
                    request.imageName(), step, result.commandLine(), result.exitCode(), output);
        }
        synchronized (diagnostics) {
            for (String diagnostic : diagnostics) {
                log.warn(diagnostic);
            }
        }
        return result;
    }
}
