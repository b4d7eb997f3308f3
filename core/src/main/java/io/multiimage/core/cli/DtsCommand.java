package io.multiimage.core.cli;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.board.BoardDefinition;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.core.devicetree.DtsWriter;
import io.multiimage.core.devicetree.MemoryFactsExtractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dts} command of the core CLI.
 *
 * <pre>
 * dts merge -o OUT [-I DIR]... BOARD.dts [OVERLAY...]   merge and write zephyr.dts (OUT "-" = stdout)
 * dts facts [-I DIR]... BOARD.dts [OVERLAY...]           print what placement sees
 * dts boards [-p PROJECT_DIR]                            list the known boards
 * </pre>
 *
 * Exit codes: 0 success, 1 bad input (the message names FILE:LINE), 2 usage error. On an
 * error nothing is written to the output file or to standard output.
 */
public final class DtsCommand {

    static final String USAGE = String.join(
            "\n",
            "usage: dts merge -o OUT [-I DIR]... BOARD.dts [OVERLAY...]",
            "         merge the board devicetree and overlays (in order) and write the result",
            "         in dtc -O dts form to OUT ('-' for standard output)",
            "       dts facts [-I DIR]... BOARD.dts [OVERLAY...]",
            "         print the flash, SRAM, external flash and partitions of the merged tree",
            "       dts boards [-p PROJECT_DIR]",
            "         list the shipped boards and those in PROJECT_DIR/boards");

    private DtsCommand() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after the word {@code dts}
     * @param out standard output
     * @param err standard error
     * @return 0 on success, 1 for bad input, 2 for a usage error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        try {
            switch (args.get(0)) {
                case "merge":
                    return merge(args.subList(1, args.size()), out, err);
                case "facts":
                    return facts(args.subList(1, args.size()), out, err);
                case "boards":
                    return boards(args.subList(1, args.size()), out, err);
                case "help", "-h", "--help":
                    out.println(USAGE);
                    return 0;
                default:
                    return usage(err, "unknown dts command '" + args.get(0) + "'");
            }
        } catch (InvalidConfigurationException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Options shared by merge and facts: {@code -o}, {@code -I}, then the files. */
    private static final class Inputs {
        String output;
        final List<Path> includeDirs = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        String problem;
    }

    private static Inputs inputs(List<String> args, boolean outputAllowed) {
        Inputs inputs = new Inputs();
        for (int i = 0; i < args.size() && inputs.problem == null; i++) {
            String arg = args.get(i);
            if ((arg.equals("-o") && outputAllowed) || arg.equals("-I")) {
                if (i + 1 >= args.size()) {
                    inputs.problem = "option " + arg + " needs a value";
                } else if (arg.equals("-o")) {
                    inputs.output = args.get(++i);
                } else {
                    inputs.includeDirs.add(Path.of(args.get(++i)));
                }
            } else if (arg.startsWith("-I") && arg.length() > 2) {
                inputs.includeDirs.add(Path.of(arg.substring(2)));
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                inputs.problem = "unknown option '" + arg + "'";
            } else {
                inputs.files.add(Path.of(arg));
            }
        }
        if (inputs.problem == null && inputs.files.isEmpty()) {
            inputs.problem = "a board devicetree file is needed";
        }
        return inputs;
    }

    private static int merge(List<String> args, PrintStream out, PrintStream err)
            throws InvalidConfigurationException, IOException {
        Inputs inputs = inputs(args, true);
        if (inputs.problem == null && inputs.output == null) {
            inputs.problem = "dts merge needs -o OUT";
        }
        if (inputs.problem != null) {
            return usage(err, inputs.problem);
        }
        DeviceTree tree = mergeFiles(inputs);
        if (inputs.output.equals("-")) {
            out.print(DtsWriter.toDts(tree));
        } else {
            DtsWriter.write(tree, Path.of(inputs.output));
        }
        return 0;
    }

    private static int facts(List<String> args, PrintStream out, PrintStream err) throws InvalidConfigurationException {
        Inputs inputs = inputs(args, false);
        if (inputs.problem != null) {
            return usage(err, inputs.problem);
        }
        out.print(MemoryFactsText.format(MemoryFactsExtractor.extract(mergeFiles(inputs))));
        return 0;
    }

    private static DeviceTree mergeFiles(Inputs inputs) throws InvalidConfigurationException {
        return new DevicetreeMerger()
                .merge(inputs.files.get(0), inputs.files.subList(1, inputs.files.size()), inputs.includeDirs);
    }

    private static int boards(List<String> args, PrintStream out, PrintStream err)
            throws InvalidConfigurationException {
        Path projectDir = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-p") && i + 1 < args.size()) {
                projectDir = Path.of(args.get(++i));
            } else {
                return usage(err, "unexpected argument '" + args.get(i) + "' for dts boards");
            }
        }
        BoardCatalog catalog = projectDir == null ? BoardCatalog.shipped() : BoardCatalog.forProject(projectDir);
        StringBuilder text = new StringBuilder();
        for (BoardDefinition board : catalog.boards()) {
            String line = String.format(
                    "%-28s %-7s %-17s %-12s %s",
                    board.name(),
                    board.domain(),
                    board.cpu().cpu(),
                    board.cpu().fpu().orElse("no-fpu"),
                    board.qemuMachine().map(m -> "qemu:" + m).orElse(""));
            text.append(line.stripTrailing()).append('\n');
        }
        out.print(text);
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }
}
