package io.multiimage.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@code config resolve} and {@code config show}: an image tree, and the
 * image of it to answer for.
 *
 * @param images the images of the tree, the top-level image first
 * @param image the name of the image to answer for
 * @param buildType the build type of the top-level image, empty for none
 * @param projectRoot the project root (default: common ancestor of the images' enclosing dirs)
 * @param outputDir where {@code resolve} writes {@code .config} and {@code autoconf.h}
 * @param variables the {@code -DVAR=value} variables, given to the top-level image
 */
record ConfigArguments(
        List<TreeEntry> images,
        String image,
        String buildType,
        Path projectRoot,
        Optional<Path> outputDir,
        Map<String, String> variables) {

    /**
     * One image of the tree.
     *
     * @param name the image's name
     * @param dir its application directory
     * @param parent its parent's name; empty for the top-level image
     * @param board its board; empty to let the domain rule decide (every image but the top one)
     * @param domain its domain; empty for its parent's
     */
    record TreeEntry(String name, Path dir, Optional<String> parent, Optional<String> board, Optional<String> domain) {}

    static final String USAGE = """
            usage: multiimage-core config resolve|show --image-dir DIR --board BOARD [options] [-DVAR=value...]
              --image-dir DIR     the image's application directory
              --name NAME         the image's name (default: the directory name)
              --parent-dir DIR    treat the image as child NAME of the image in DIR
              --parent-name NAME  the parent's name (default: its directory name)
              --board BOARD       board of the top-level image (the parent, if given)
              --child P:NAME=DIR  add image NAME, a child of image P, built from DIR (repeatable:
                                  grandchildren name their parent the same way)
              --image-board NAME=BOARD    the board of image NAME (default: the domain rule)
              --image-domain NAME=DOMAIN  the domain of image NAME (default: its parent's)
              --image NAME        answer for image NAME of the tree (default: the --image-dir image)
              --build-type TYPE   build type of the top-level image
              --project-root DIR  root for the paths shown (default: common ancestor)
              --output-dir DIR    resolve: write .config and autoconf.h there
              -DVAR=value         a variable given to the top-level image (e.g. -Dmcuboot_CONFIG_X=y)
            The whole tree is configured as a build would (parents first, conditions, build
            strategies); resolve prints the chosen files of the image in order with the rule for
            each; show prints the provenance of every symbol.
            """;

    private static final List<String> SINGLE_OPTIONS = List.of(
            "--image-dir",
            "--name",
            "--parent-dir",
            "--parent-name",
            "--board",
            "--build-type",
            "--project-root",
            "--output-dir",
            "--image");
    private static final List<String> REPEATED_OPTIONS = List.of("--child", "--image-board", "--image-domain");

    /** Parses {@code args} (after the sub-command). */
    static ConfigArguments parse(List<String> args) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        REPEATED_OPTIONS.forEach(option -> repeated.put(option, new ArrayList<>()));
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-D")) {
                int equals = arg.indexOf('=');
                if (equals <= 2) {
                    throw new UsageException("expected -DVAR=value, found '" + arg + "'");
                }
                variables.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (SINGLE_OPTIONS.contains(arg) || REPEATED_OPTIONS.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                String value = args.get(++i);
                if (REPEATED_OPTIONS.contains(arg)) {
                    repeated.get(arg).add(value);
                } else {
                    options.put(arg, value);
                }
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
        Path imageDir = absolute(options.get("--image-dir"));
        Optional<Path> parentDir =
                Optional.ofNullable(options.get("--parent-dir")).map(ConfigArguments::absolute);
        String name = options.getOrDefault("--name", dirName(imageDir));
        String parentName = options.getOrDefault(
                "--parent-name", parentDir.map(ConfigArguments::dirName).orElse(""));
        if (parentDir.isPresent() && parentName.equals(name)) {
            throw new UsageException(
                    "the image and its parent are both called '" + name + "': give --name or --parent-name");
        }
        Map<String, String> boards = pairs("--image-board", repeated.get("--image-board"));
        Map<String, String> domains = pairs("--image-domain", repeated.get("--image-domain"));
        Optional<String> topBoard = Optional.of(options.get("--board"));

        Map<String, TreeEntry> images = new LinkedHashMap<>();
        if (parentDir.isPresent()) {
            add(images, new TreeEntry(parentName, parentDir.get(), Optional.empty(), topBoard, Optional.empty()));
            add(images, new TreeEntry(name, imageDir, Optional.of(parentName), Optional.empty(), Optional.empty()));
        } else {
            add(images, new TreeEntry(name, imageDir, Optional.empty(), topBoard, Optional.empty()));
        }
        for (String child : repeated.get("--child")) {
            add(images, child(child));
        }
        for (TreeEntry entry : images.values()) {
            if (entry.parent().isPresent() && !images.containsKey(entry.parent().get())) {
                throw new UsageException(
                        "--child names parent '" + entry.parent().get() + "' of image '" + entry.name()
                                + "', which is not an image of the tree; images: " + images.keySet());
            }
        }
        for (Map<String, String> perImage : List.of(boards, domains)) {
            for (String image : perImage.keySet()) {
                if (!images.containsKey(image)) {
                    throw new UsageException("'" + image + "' is not an image of the tree; images: " + images.keySet());
                }
            }
        }
        List<TreeEntry> entries = images.values().stream()
                .map(e -> new TreeEntry(
                        e.name(),
                        e.dir(),
                        e.parent(),
                        Optional.ofNullable(boards.get(e.name())).or(e::board),
                        Optional.ofNullable(domains.get(e.name()))))
                .toList();
        String answered = options.getOrDefault("--image", name);
        if (!images.containsKey(answered)) {
            throw new UsageException(
                    "--image '" + answered + "' is not an image of the tree; images: " + images.keySet());
        }
        Path root = Optional.ofNullable(options.get("--project-root"))
                .map(ConfigArguments::absolute)
                .orElseGet(() ->
                        commonAncestor(entries.stream().map(TreeEntry::dir).toList()));
        return new ConfigArguments(
                entries,
                answered,
                options.getOrDefault("--build-type", ""),
                root,
                Optional.ofNullable(options.get("--output-dir")).map(Path::of),
                variables);
    }

    /** The top-level image's name. */
    String topImage() {
        return images.get(0).name();
    }

    /** {@code P:NAME=DIR}. */
    private static TreeEntry child(String value) throws UsageException {
        int colon = value.indexOf(':');
        int equals = value.indexOf('=');
        if (colon <= 0 || equals <= colon + 1 || equals == value.length() - 1) {
            throw new UsageException("expected --child PARENT:NAME=DIR, found '" + value + "'");
        }
        return new TreeEntry(
                value.substring(colon + 1, equals),
                absolute(value.substring(equals + 1)),
                Optional.of(value.substring(0, colon)),
                Optional.empty(),
                Optional.empty());
    }

    private static void add(Map<String, TreeEntry> images, TreeEntry entry) throws UsageException {
        if (images.putIfAbsent(entry.name(), entry) != null) {
            throw new UsageException("two images are called '" + entry.name() + "'");
        }
    }

    /** {@code NAME=VALUE} values of {@code option}, by name. */
    private static Map<String, String> pairs(String option, List<String> values) throws UsageException {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0 || equals == value.length() - 1) {
                throw new UsageException("expected " + option + " NAME=VALUE, found '" + value + "'");
            }
            pairs.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return pairs;
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static String dirName(Path dir) {
        Path fileName = dir.getFileName();
        return fileName == null ? "app" : fileName.toString();
    }

    /** The deepest directory containing the directories that hold the image dirs. */
    private static Path commonAncestor(List<Path> dirs) {
        Path root = enclosing(dirs.get(0));
        for (Path dir : dirs) {
            Path other = enclosing(dir);
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
