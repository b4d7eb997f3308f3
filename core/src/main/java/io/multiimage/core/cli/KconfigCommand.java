package io.multiimage.core.cli;

import io.multiimage.core.kconfig.engine.Kconfig;
import io.multiimage.core.kconfig.engine.KconfigException;
import io.multiimage.core.kconfig.engine.KconfigWarning;
import io.multiimage.hex.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kconfig} command of the core CLI: evaluates a Kconfig tree with fragments, the
 * way a Zephyr-style build does with Kconfiglib, for differential checking.
 *
 * <pre>
 * kconfig [--env NAME=VALUE]... --config-out FILE --header-out FILE [--warnings-out FILE] KCONFIG [FRAGMENT...]
 * </pre>
 *
 * Run it with the source tree root as the working directory. The first fragment replaces,
 * each further one merges. {@code .config} and {@code autoconf.h} are written with an empty
 * header; the warnings (one per line, a backslash as {@code \\} and a line break as {@code \n},
 * then the assignment checks) go to the warnings file, or to standard error without one.
 * Exit codes: 0 done, 1 bad input (the message on standard error, no file written), 2 usage.
 */
public final class KconfigCommand {

    static final String USAGE = String.join(
            "\n",
            "usage: kconfig [--env NAME=VALUE]... --config-out FILE --header-out FILE [--warnings-out FILE]",
            "               KCONFIG [FRAGMENT...]",
            "  evaluates the Kconfig tree KCONFIG (relative to the working directory, the source tree root)",
            "  with the fragments in order (the first replaces, each further one merges) and writes",
            "  .config and autoconf.h; warnings go to the warnings file (or to standard error)");

    private KconfigCommand() {}

    /** Runs the command in the process's working directory. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of("").toAbsolutePath());
    }

    /**
     * Runs the command as if {@code workingDir} were the working directory.
     *
     * @param args the arguments after the word {@code kconfig}
     * @param out standard output ({@code $(info,...)} lines)
     * @param err standard error (errors, and warnings without {@code --warnings-out})
     * @param workingDir the source tree root; relative paths are resolved against it
     * @return 0 on success, 1 for bad input, 2 for a usage error
     */
    static int run(List<String> args, PrintStream out, PrintStream err, Path workingDir) {
        Map<String, String> env = new LinkedHashMap<>();
        String configOut = null;
        String headerOut = null;
        String warningsOut = null;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-h":
                case "--help":
                    out.println(USAGE);
                    return CoreCli.OK;
                case "--env":
                case "--config-out":
                case "--header-out":
                case "--warnings-out":
                    if (i + 1 >= args.size()) {
                        return usage(err, "option " + arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--env")) {
                        int equals = value.indexOf('=');
                        if (equals <= 0) {
                            return usage(err, "--env needs NAME=VALUE, got '" + value + "'");
                        }
                        env.put(value.substring(0, equals), value.substring(equals + 1));
                    } else if (arg.equals("--config-out")) {
                        configOut = value;
                    } else if (arg.equals("--header-out")) {
                        headerOut = value;
                    } else {
                        warningsOut = value;
                    }
                    break;
                default:
                    if (arg.startsWith("--")) {
                        return usage(err, "unknown option '" + arg + "'");
                    }
                    positional.add(arg);
            }
        }
        if (configOut == null || headerOut == null) {
            return usage(err, "--config-out and --header-out are required");
        }
        if (positional.isEmpty()) {
            return usage(err, "the Kconfig file is missing");
        }
        String config;
        String autoconf;
        StringBuilder warnings = new StringBuilder();
        Kconfig kconfig;
        try {
            kconfig = Kconfig.load(workingDir, positional.get(0), env);
            for (String info : kconfig.infoMessages()) {
                out.println(info);
            }
            for (int i = 1; i < positional.size(); i++) {
                kconfig.loadFragment(Path.of(positional.get(i)), i == 1);
            }
        } catch (KconfigException e) {
            err.println(e.getMessage().strip());
            return CoreCli.BAD_INPUT;
        }
        config = kconfig.configText("");
        autoconf = kconfig.autoconfText("");
        // The checks first: what they evaluate (a choice nothing else looked at) may warn, and
        // those warnings belong before the check lines, as in the reference.
        List<KconfigWarning> checks = kconfig.assignmentChecks();
        for (KconfigWarning warning : kconfig.warnings()) {
            warnings.append(warning.oneLine()).append('\n');
        }
        for (KconfigWarning check : checks) {
            warnings.append(check.oneLine()).append('\n');
        }
        try {
            write(workingDir.resolve(configOut), config);
            write(workingDir.resolve(headerOut), autoconf);
            if (warningsOut != null) {
                write(workingDir.resolve(warningsOut), warnings.toString());
            } else {
                err.print(warnings);
            }
        } catch (IOException e) {
            err.println("error: cannot write the outputs: " + e.getMessage());
            return CoreCli.BAD_INPUT;
        }
        return CoreCli.OK;
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return CoreCli.USAGE;
    }
}
