package io.multiimage.partition.cli;

import io.multiimage.partition.AtomicFiles;
import io.multiimage.partition.ConfigGenerator;
import io.multiimage.partition.DomainConfig;
import io.multiimage.partition.Layout;
import io.multiimage.partition.MemoryReport;
import io.multiimage.partition.OutputDomain;
import io.multiimage.partition.PartitionException;
import io.multiimage.partition.PartitionManager;
import io.multiimage.partition.PlacementStrategy;
import io.multiimage.partition.Region;
import io.multiimage.partition.RequestSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drop-in command line for the reference scripts:
 * {@code place} takes the arguments of {@code partition_manager.py},
 * {@code output} those of {@code partition_manager_output.py}, and {@code report} prints
 * (or draws with {@code --svg}) the memory map. Exit codes: 0 ok, 1 bad input, 2 usage error.
 */
public final class PartitionManagerCli {

    private static final String USAGE = String.join(
            "\n",
            "usage: partition-manager place --input-files F [F ...] --output-partitions P --output-regions R",
            "                               [--static-config S] --regions NAME [NAME ...]",
            "                               --<region>-size N [--<region>-base-address N]",
            "                               [--<region>-placement-strategy {start_to_end,end_to_start,complex}]",
            "                               [--<region>-device D] [--<region>-default-driver-kconfig K]",
            "                               [--<region>-dynamic-partition NAME]",
            "       partition-manager output --input-partitions P [P ...] --input-regions R [R ...]",
            "                               [--config-file C] [--images I [I ...] --header-files H [H ...]]",
            "       partition-manager report -i P [P ...] [--input-regions R [R ...]] [--svg OUT.svg]");

    private PartitionManagerCli() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs one command in-process.
     *
     * @return 0 on success, 1 for bad input, 2 for a usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "place" -> place(rest, out, err);
                case "output" -> output(rest, out);
                case "report" -> report(rest, out);
                default ->
                    throw new ArgParser.UsageException(
                            "unknown command '" + args[0] + "' (expected place, output or report)");
            };
        } catch (ArgParser.UsageException e) {
            err.println(USAGE);
            err.println("partition-manager: error: " + e.getMessage());
            return 2;
        } catch (PartitionException e) {
            err.println("Partition manager failed: " + e.getMessage());
            return 1;
        } catch (NoSuchFileException e) {
            err.println("Partition manager failed: no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("Partition manager failed: " + e);
            return 1;
        }
    }

    private static int place(List<String> args, PrintStream out, PrintStream err)
            throws ArgParser.UsageException, PartitionException, IOException {
        ArgParser main = new ArgParser()
                .option("--input-files", ArgParser.Arity.ONE_OR_MORE, true)
                .option("--output-partitions", ArgParser.Arity.ONE, true)
                .option("--output-regions", ArgParser.Arity.ONE, true)
                .option("--static-config", ArgParser.Arity.ONE, false)
                .option("--regions", ArgParser.Arity.ZERO_OR_MORE, false);
        ArgParser.Parsed parsed = main.parse(args, true);
        List<String> regionNames = parsed.many("--regions");
        ArgParser regionParser = new ArgParser();
        for (String r : regionNames) {
            regionParser
                    .option("--" + r + "-size", ArgParser.Arity.ONE, true)
                    .option("--" + r + "-base-address", ArgParser.Arity.ONE, false)
                    .option("--" + r + "-placement-strategy", ArgParser.Arity.ONE, false)
                    .option("--" + r + "-device", ArgParser.Arity.ONE, false)
                    .option("--" + r + "-default-driver-kconfig", ArgParser.Arity.ONE, false)
                    .option("--" + r + "-dynamic-partition", ArgParser.Arity.ONE, false);
        }
        ArgParser.Parsed regionArgs = regionParser.parse(parsed.unknown(), false);
        List<Region> regions = new ArrayList<>();
        for (String r : regionNames) {
            long size = ArgParser.parseInt("--" + r + "-size", regionArgs.one("--" + r + "-size"));
            String base = regionArgs.one("--" + r + "-base-address");
            String strategy = regionArgs.one("--" + r + "-placement-strategy");
            PlacementStrategy s;
            try {
                s = strategy == null ? PlacementStrategy.START_TO_END : PlacementStrategy.fromYamlName(strategy);
            } catch (IllegalArgumentException e) {
                throw new ArgParser.UsageException("argument --" + r + "-placement-strategy: " + e.getMessage());
            }
            regions.add(new Region(
                    r.replace('-', '_'),
                    base == null ? 0 : ArgParser.parseInt("--" + r + "-base-address", base),
                    size,
                    s,
                    orEmpty(regionArgs.one("--" + r + "-device")),
                    orEmpty(regionArgs.one("--" + r + "-default-driver-kconfig")),
                    regionArgs.one("--" + r + "-dynamic-partition")));
        }
        List<RequestSource> sources = new ArrayList<>();
        for (String f : parsed.many("--input-files")) {
            Path p = Path.of(f);
            if (Files.exists(p)) {
                sources.add(RequestSource.ofFile(p));
            } else {
                // the reference skips request files that do not exist
                err.println("Partition manager: input file " + f + " does not exist; skipped.");
            }
        }
        RequestSource staticConfig =
                parsed.has("--static-config") ? RequestSource.ofFile(Path.of(parsed.one("--static-config"))) : null;
        DomainConfig config;
        try {
            config = new DomainConfig(
                    OutputDomain.domainOfFile(
                            Path.of(parsed.one("--output-partitions"))
                                    .getFileName()
                                    .toString(),
                            "partitions"),
                    sources,
                    staticConfig,
                    regions);
        } catch (IllegalArgumentException e) {
            throw new ArgParser.UsageException(e.getMessage());
        }
        Layout layout = new PartitionManager(out::println).place(config);
        AtomicFiles.writeLayout(
                layout, Path.of(parsed.one("--output-partitions")), Path.of(parsed.one("--output-regions")));
        return 0;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<OutputDomain> readDomains(List<String> partitionFiles, List<String> regionFiles)
            throws IOException, PartitionException {
        Map<String, String> regionsByDomain = new LinkedHashMap<>();
        for (String r : regionFiles) {
            regionsByDomain.put(
                    OutputDomain.domainOfFile(Path.of(r).getFileName().toString(), "regions"), r);
        }
        Map<String, OutputDomain> domains = new LinkedHashMap<>();
        for (String p : partitionFiles) {
            String domain = OutputDomain.domainOfFile(Path.of(p).getFileName().toString(), "partitions");
            String regionFile = regionsByDomain.get(domain);
            if (regionFile == null) {
                throw new PartitionException(
                        "no regions file for domain '" + domain + "' (expected "
                                + (domain.isEmpty() ? "regions.yml" : "regions_" + domain + ".yml") + ")",
                        List.of(),
                        List.of(p));
            }
            domains.put(domain, OutputDomain.parse(domain, p, read(p), regionFile, read(regionFile)));
        }
        return new ArrayList<>(domains.values());
    }

    private static List<OutputDomain> readDomainsLenient(List<String> partitionFiles, List<String> regionFiles)
            throws IOException, PartitionException {
        Map<String, String> regionsByDomain = new LinkedHashMap<>();
        for (String r : regionFiles) {
            regionsByDomain.put(
                    OutputDomain.domainOfFile(Path.of(r).getFileName().toString(), "regions"), r);
        }
        List<OutputDomain> domains = new ArrayList<>();
        for (String p : partitionFiles) {
            String domain = OutputDomain.domainOfFile(Path.of(p).getFileName().toString(), "partitions");
            String regionFile = regionsByDomain.get(domain);
            domains.add(OutputDomain.parse(
                    domain,
                    p,
                    read(p),
                    regionFile == null ? "none" : regionFile,
                    regionFile == null ? "{}" : read(regionFile)));
        }
        return domains;
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static int output(List<String> args, PrintStream out)
            throws ArgParser.UsageException, PartitionException, IOException {
        ArgParser.Parsed parsed = new ArgParser()
                .option("--input-partitions", ArgParser.Arity.ONE_OR_MORE, true)
                .option("--input-regions", ArgParser.Arity.ONE_OR_MORE, true)
                .option("--config-file", ArgParser.Arity.ONE, false)
                .option("--images", ArgParser.Arity.ONE_OR_MORE, false)
                .option("--header-files", ArgParser.Arity.ONE_OR_MORE, false)
                .parse(args, false);
        List<OutputDomain> domains = readDomains(parsed.many("--input-partitions"), parsed.many("--input-regions"));
        Map<Path, String> files = new LinkedHashMap<>();
        if (parsed.has("--config-file")) {
            files.put(Path.of(parsed.one("--config-file")), ConfigGenerator.pmConfig(domains));
        }
        List<String> headers = parsed.many("--header-files");
        List<String> images = parsed.many("--images");
        // like the reference, images and headers are paired up to the shorter list
        for (int i = 0; i < Math.min(headers.size(), images.size()); i++) {
            Path h = Path.of(headers.get(i));
            files.put(
                    h,
                    ConfigGenerator.header(
                            domains, images.get(i), h.getFileName().toString(), out::println));
        }
        AtomicFiles.writeAll(files);
        return 0;
    }

    private static int report(List<String> args, PrintStream out)
            throws ArgParser.UsageException, PartitionException, IOException {
        ArgParser.Parsed parsed = new ArgParser()
                .option("-i", ArgParser.Arity.ONE_OR_MORE, false)
                .option("--input", ArgParser.Arity.ONE_OR_MORE, false)
                .option("--input-regions", ArgParser.Arity.ONE_OR_MORE, false)
                .option("--svg", ArgParser.Arity.ONE, false)
                .parse(args, false);
        List<String> inputs = new ArrayList<>(parsed.many("-i"));
        inputs.addAll(parsed.many("--input"));
        if (inputs.isEmpty()) {
            throw new ArgParser.UsageException("the following arguments are required: -i/--input");
        }
        List<OutputDomain> domains = readDomainsLenient(inputs, parsed.many("--input-regions"));
        if (parsed.has("--svg")) {
            AtomicFiles.writeAll(Map.of(Path.of(parsed.one("--svg")), MemoryReport.svg(domains)));
        } else {
            out.print(MemoryReport.text(domains));
        }
        return 0;
    }
}
