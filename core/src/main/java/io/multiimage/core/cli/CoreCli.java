package io.multiimage.core.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code multiimage-core}: the core's command line, for non-Maven builds and for debugging.
 * A dispatcher over command groups; adding a group is one line in {@link #COMMANDS}.
 * Exit codes: 0 success, 1 bad input (message {@code FILE:LINE: ...} on stderr, nothing on
 * stdout, no files written), 2 usage error.
 */
public final class CoreCli {

    /** A command group: gets the arguments after its name. */
    @FunctionalInterface
    public interface Command {
        /** Runs the command; returns the exit code. */
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for bad input. */
    public static final int BAD_INPUT = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    /** The command groups, by name, in the order the usage lists them. */
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("config", ConfigCommand::run);
        COMMANDS.put("devicetree", DevicetreeCommand::run);
        COMMANDS.put("dts", DtsCommand::run);
        COMMANDS.put("kconfig", KconfigCommand::run);
    }

    private CoreCli() {}

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the CLI in-process; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            err.print(usage());
            return args.isEmpty() ? USAGE : OK;
        }
        Command command = COMMANDS.get(args.get(0));
        if (command == null) {
            err.print("unknown command '" + args.get(0) + "'\n" + usage());
            return USAGE;
        }
        return command.run(args.subList(1, args.size()), out, err);
    }

    /** The top-level usage text. */
    static String usage() {
        return "usage: multiimage-core <command> [arguments]\ncommands: " + String.join(", ", COMMANDS.keySet())
                + "\n  run 'multiimage-core <command> --help' for a command's arguments\n";
    }
}
