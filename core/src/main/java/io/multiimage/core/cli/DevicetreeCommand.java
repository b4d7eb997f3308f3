package io.multiimage.core.cli;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.bridge.DevicetreeExporter;
import io.multiimage.core.bridge.DevicetreeImporter;
import io.multiimage.core.bridge.ImportedLayout;
import io.multiimage.core.bridge.RegionNodes;
import io.multiimage.core.devicetree.DeviceTree;
import io.multiimage.core.devicetree.DevicetreeMerger;
import io.multiimage.hex.AtomicFiles;
import io.multiimage.partition.OutputDomain;
import io.multiimage.partition.PartitionException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code devicetree} command of the core CLI: the bridge to Zephyr's devicetree partitions.
 *
 * <pre>
 * devicetree export --layout partitions.yml [--regions regions.yml] --board NAME [-p PROJECT_DIR]
 *                   --image NAME[=PARTITION]... [--region REGION=NODE_LABEL]... -o DIR
 * devicetree export ... --dts BOARD.dts [-I DIR]... [--overlay FILE]... (instead of --board)
 * devicetree import [-I DIR]... [--region REGION=NODE_LABEL]... -o pm_static.yml BOARD.dts [OVERLAY...]
 * </pre>
 *
 * Export writes {@code DIR/<image>/partitions.overlay} for each image; import writes the static
 * layout ({@code -o -} for standard output). Exit codes: 0 success, 1 bad input (nothing
 * written), 2 usage error.
 */
public final class DevicetreeCommand {

    static final String USAGE = String.join(
            "\n",
            "usage: devicetree export --layout partitions.yml [--regions regions.yml]",
            "                         (--board NAME [-p PROJECT_DIR] | --dts BOARD.dts [-I DIR]... [--overlay FILE]...)",
            "                         --image NAME[=PARTITION]... [--region REGION=NODE_LABEL]... -o DIR",
            "         write DIR/<image>/partitions.overlay for each image: the layout's partitions as",
            "         devicetree fixed-partitions and the image's chosen zephyr,code-partition",
            "       devicetree import [-I DIR]... [--region REGION=NODE_LABEL]... -o OUT BOARD.dts [OVERLAY...]",
            "         write the devicetree's partition tables as a static layout (pm_static.yml; '-' for",
            "         standard output)");

    private DevicetreeCommand() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after the word {@code devicetree}
     * @param out standard output
     * @param err standard error
     * @return 0 on success, 1 for bad input, 2 for a usage error
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println(USAGE);
            return CoreCli.USAGE;
        }
        try {
            switch (args.get(0)) {
                case "export":
                    return export(Options.parse(args.subList(1, args.size())), out, err);
                case "import":
                    return importLayout(Options.parse(args.subList(1, args.size())), out, err);
                case "help", "-h", "--help":
                    out.println(USAGE);
                    return CoreCli.OK;
                default:
                    throw new UsageException("unknown devicetree command '" + args.get(0) + "'");
            }
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return CoreCli.USAGE;
        } catch (InvalidConfigurationException | IOException e) {
            err.println("error: " + e.getMessage());
            return CoreCli.BAD_INPUT;
        }
    }

    /** The options of both subcommands; each checks the ones it needs. */
    private static final class Options {
        String layout;
        String regions;
        String board;
        String project;
        String dts;
        String output;
        final List<Path> includeDirs = new ArrayList<>();
        final List<Path> overlays = new ArrayList<>();
        final List<String> images = new ArrayList<>();
        final List<String> regionNodes = new ArrayList<>();
        final List<Path> files = new ArrayList<>();

        static Options parse(List<String> args) throws UsageException {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("-I") && arg.length() > 2) {
                    o.includeDirs.add(Path.of(arg.substring(2)));
                    continue;
                }
                if (!arg.startsWith("-") || arg.equals("-")) {
                    o.files.add(Path.of(arg));
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new UsageException("option " + arg + " needs a value");
                }
                String value = args.get(++i);
                switch (arg) {
                    case "--layout" -> o.layout = value;
                    case "--regions" -> o.regions = value;
                    case "--board" -> o.board = value;
                    case "-p" -> o.project = value;
                    case "--dts" -> o.dts = value;
                    case "-o" -> o.output = value;
                    case "-I" -> o.includeDirs.add(Path.of(value));
                    case "--overlay" -> o.overlays.add(Path.of(value));
                    case "--image" -> o.images.add(value);
                    case "--region" -> o.regionNodes.add(value);
                    default -> throw new UsageException("unknown option '" + arg + "'");
                }
            }
            return o;
        }
    }

    private static int export(Options o, PrintStream out, PrintStream err)
            throws UsageException, InvalidConfigurationException, IOException {
        if (o.layout == null
                || o.output == null
                || o.images.isEmpty()
                || (o.board == null) == (o.dts == null)
                || !o.files.isEmpty()) {
            throw new UsageException(
                    "devicetree export needs --layout, -o, at least one --image and one of --board or" + " --dts");
        }
        Path layoutFile = Path.of(o.layout);
        String fileName = layoutFile.getFileName().toString();
        Path regionsFile = o.regions != null
                ? Path.of(o.regions)
                : layoutFile.resolveSibling(fileName.replaceFirst("^partitions", "regions"));
        OutputDomain layout;
        try {
            layout = OutputDomain.parse(
                    OutputDomain.domainOfFile(fileName, "partitions"),
                    o.layout,
                    read(layoutFile, "layout"),
                    regionsFile.toString(),
                    read(regionsFile, "regions file"));
        } catch (PartitionException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
        DeviceTree tree;
        if (o.board != null) {
            BoardCatalog catalog =
                    o.project == null ? BoardCatalog.shipped() : BoardCatalog.forProject(Path.of(o.project));
            Board board = catalog.lookup(o.board);
            List<Path> overlays = new ArrayList<>(board.boardOverlays());
            overlays.addAll(o.overlays);
            List<Path> includes = new ArrayList<>(o.includeDirs);
            includes.addAll(board.includeDirs());
            tree = new DevicetreeMerger().merge(board.dts(), overlays, includes);
        } else {
            tree = new DevicetreeMerger().merge(Path.of(o.dts), o.overlays, o.includeDirs);
        }
        DevicetreeExporter exporter = new DevicetreeExporter(RegionNodes.parse(o.regionNodes));
        // every overlay is made before the first is written: bad input writes nothing
        Map<Path, String> overlays = new LinkedHashMap<>();
        for (String spec : o.images) {
            int eq = spec.indexOf('=');
            String image = eq < 0 ? spec : spec.substring(0, eq);
            String partition = eq < 0 ? spec : spec.substring(eq + 1);
            if (image.isEmpty() || partition.isEmpty() || image.contains("/") || image.startsWith(".")) {
                throw new UsageException("--image " + spec + " is not NAME[=PARTITION]");
            }
            overlays.put(
                    Path.of(o.output, image, "partitions.overlay"),
                    exporter.overlay(layout, o.layout, tree, image, partition));
        }
        for (Map.Entry<Path, String> overlay : overlays.entrySet()) {
            Files.createDirectories(overlay.getKey().getParent());
            AtomicFiles.writeString(overlay.getKey(), overlay.getValue());
            out.println("wrote " + overlay.getKey());
        }
        return CoreCli.OK;
    }

    private static int importLayout(Options o, PrintStream out, PrintStream err)
            throws UsageException, InvalidConfigurationException, IOException {
        if (o.output == null || o.files.isEmpty() || o.layout != null || o.board != null || !o.images.isEmpty()) {
            throw new UsageException("devicetree import needs -o and a board devicetree file");
        }
        DeviceTree tree =
                new DevicetreeMerger().merge(o.files.get(0), o.files.subList(1, o.files.size()), o.includeDirs);
        ImportedLayout layout = new DevicetreeImporter(RegionNodes.parse(o.regionNodes)).read(tree);
        layout.warnings().forEach(w -> err.println("warning: " + w));
        String text = layout.pmStaticYaml(ImportedLayout.comment(o.files));
        if (o.output.equals("-")) {
            out.print(text);
        } else {
            AtomicFiles.writeString(Path.of(o.output), text);
        }
        return CoreCli.OK;
    }

    private static String read(Path file, String what) throws InvalidConfigurationException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
