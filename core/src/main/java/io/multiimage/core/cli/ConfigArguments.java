package io.multiimage.core.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code config resolve} and {@code config show}.
 *
 * @param imageDir the image's application directory
 * @param name the image name (default: the directory name)
 * @param parentDir the parent image's directory; when given the image is its child
 * @param parentName the parent image's name (default: its directory name)
 * @param board the board of the top-level image (the parent, when there is one)
 * @param buildType the build type of the top-level image, empty for none
 * @param projectRoot the project root (default: common ancestor of the images' enclosing dirs)
 * @param outputDir where {@code resolve} writes {@code .config} and {@code autoconf.h}
 * @param variables the {@code -DVAR=value} variables, given to the top-level image
 */
record ConfigArguments(Path imageDir, String name, Optional<Path> parentDir, String parentName, String board,
        String buildType, Path projectRoot, Optional<Path> outputDir, Map<String, String> variables) {

    static final String USAGE = """
            usage: multiimage-core config resolve|show --image-dir DIR --board BOARD [options] [-DVAR=value...]
              --image-dir DIR     the image's application directory
              --name NAME         the image's name (default: the directory name)
              --parent-dir DIR    treat the image as child NAME of the image in DIR
              --parent-name NAME  the parent's name (default: its directory name)
              --board BOARD       board of the top-level image (the parent, if given)
              --build-type TYPE   build type of the top-level image
              --project-root DIR  root for the paths shown (default: common ancestor)
              --output-dir DIR    resolve: write .config and autoconf.h there
              -DVAR=value         a variable given to the top-level image (e.g. -Dmcuboot_CONFIG_X=y)
            resolve prints the chosen files in order with the rule for each; show prints the
            provenance of every symbol.
            """;

    /** Parses {@code args} (after the sub-command). */
    static ConfigArguments parse(List<String> args) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-D")) {
                int equals = arg.indexOf('=');
                if (equals <= 2) {
                    throw new UsageException("expected -DVAR=value, found '" + arg + "'");
                }
                variables.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (List.of("--image-dir", "--name", "--parent-dir", "--parent-name", "--board", "--build-type",
                    "--project-root", "--output-dir").contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else {
                throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        if (!options.containsKey("--image-dir")) {
            throw new UsageException("--image-dir is required");
        }
        if (!options.containsKey("--board")) {
            throw new UsageException("--board is required");
        }
        Path imageDir = Path.of(options.get("--image-dir")).toAbsolutePath().normalize();
        Optional<Path> parentDir = Optional.ofNullable(options.get("--parent-dir"))
                .map(p -> Path.of(p).toAbsolutePath().normalize());
        String name = options.getOrDefault("--name", dirName(imageDir));
        String parentName = options.getOrDefault("--parent-name", parentDir.map(ConfigArguments::dirName).orElse(""));
        if (parentDir.isPresent() && parentName.equals(name)) {
            throw new UsageException("the image and its parent are both called '" + name
                    + "': give --name or --parent-name");
        }
        Path root = Optional.ofNullable(options.get("--project-root"))
                .map(p -> Path.of(p).toAbsolutePath().normalize())
                .orElseGet(() -> commonAncestor(imageDir, parentDir));
        return new ConfigArguments(imageDir, name, parentDir, parentName, options.get("--board"),
                options.getOrDefault("--build-type", ""), root,
                Optional.ofNullable(options.get("--output-dir")).map(Path::of), variables);
    }

    private static String dirName(Path dir) {
        Path fileName = dir.getFileName();
        return fileName == null ? "app" : fileName.toString();
    }

    /** The deepest directory containing the directories that hold the image dirs. */
    private static Path commonAncestor(Path imageDir, Optional<Path> parentDir) {
        Path root = enclosing(imageDir);
        if (parentDir.isPresent()) {
            Path other = enclosing(parentDir.get());
            while (!other.startsWith(root)) {
                root = root.getParent();
            }
        }
        return root;
    }

    private static Path enclosing(Path dir) {
        return dir.getParent() == null ? dir : dir.getParent();
    }
}
