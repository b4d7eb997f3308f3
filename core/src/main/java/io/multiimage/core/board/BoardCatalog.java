package io.multiimage.core.board;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.model.BoardTarget;
import io.multiimage.core.model.DomainBoards;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The boards a build can use: a project's own boards (in {@code <project>/boards/}) first,
 * then the boards shipped with the plugin. Each board lives in a directory named after its
 * file name ({@code boards/nrf5340dk_nrf5340_cpuapp/}) holding {@code board.properties}, the
 * devicetree ({@code nrf5340dk_nrf5340_cpuapp.dts}) and optional revision overlays
 * ({@code nrf5340dk_nrf5340_cpuapp_1_0_0.overlay}); see {@link BoardLoader}.
 *
 * <pre>{@code
 * Board board = BoardCatalog.forProject(projectDir).lookup("nrf9160dk@0.14.0/nrf9160/ns");
 * List<String> flags = board.definition().cpu().gccFlags();
 * }</pre>
 */
public final class BoardCatalog {

    /** Classpath directory of the shipped boards. */
    static final String RESOURCE_ROOT = "/io/multiimage/core/boards/";

    private static Path shippedRoot;

    private final Map<String, BoardDefinition> byName;

    private BoardCatalog(Map<String, BoardDefinition> byName) {
        this.byName = byName;
    }

    /** Only the boards shipped with the plugin. */
    public static BoardCatalog shipped() throws InvalidConfigurationException {
        return new BoardCatalog(load(null));
    }

    /**
     * The boards of a project ({@code projectDir/boards/<board file name>/}, if that directory
     * exists) followed by the shipped ones; a project board hides a shipped board of the same
     * name.
     */
    public static BoardCatalog forProject(Path projectDir) throws InvalidConfigurationException {
        return new BoardCatalog(load(projectDir.resolve("boards")));
    }

    /** Every known board, sorted by name. */
    public List<BoardDefinition> boards() {
        return List.copyOf(byName.values());
    }

    /** Board names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * Looks a board up by name, which may carry a revision the way Zephyr writes it
     * ({@code nrf9160dk@0.14.0/nrf9160/ns}) or be the file name ({@code nrf9160dk_nrf9160_ns}).
     */
    public Board lookup(String board) throws InvalidConfigurationException {
        return lookup(board, null);
    }

    /**
     * Looks a board up by name and revision.
     *
     * @param board board name, optionally with {@code @revision} after its first component
     * @param revision revision, or {@code null} for the one in the name or the board's default
     * @throws InvalidConfigurationException for an unknown board (listing the known ones) or
     *     revision (listing the board's revisions)
     */
    public Board lookup(String board, String revision) throws InvalidConfigurationException {
        String name = board.strip();
        String inlineRevision = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            int slash = name.indexOf('/', at);
            inlineRevision = name.substring(at + 1, slash < 0 ? name.length() : slash);
            name = name.substring(0, at) + (slash < 0 ? "" : name.substring(slash));
        }
        if (revision != null && inlineRevision != null && !revision.equals(inlineRevision)) {
            throw new InvalidConfigurationException("board '" + board + "' names revision " + inlineRevision
                    + " but revision " + revision + " was also given; use one");
        }
        BoardDefinition definition = find(name);
        String wanted = revision != null ? revision : inlineRevision;
        if (wanted == null || wanted.isEmpty()) {
            return new Board(definition, definition.defaultRevision());
        }
        if (!definition.revisions().contains(wanted)) {
            throw new InvalidConfigurationException("board " + definition.name() + " has no revision '" + wanted
                    + "' (known revisions: "
                    + (definition.revisions().isEmpty() ? "none" : String.join(", ", definition.revisions())) + ")");
        }
        return new Board(definition, Optional.of(wanted));
    }

    /**
     * The board of {@code domain} on the chip {@code board} is on: {@code board} itself for its
     * own domain, else the board its {@code domain.<DOMAIN>.board} entry names (the seed's
     * {@code CONFIG_DOMAIN_<DOMAIN>_BOARD}), with the same revision where that board has it.
     *
     * @throws InvalidConfigurationException if the board does not define that domain
     */
    public Board boardForDomain(Board board, String domain) throws InvalidConfigurationException {
        if (board.domain().equals(domain)) {
            return board;
        }
        String other = board.definition().domainBoards().get(domain);
        if (other == null) {
            throw new InvalidConfigurationException("board " + board.name() + " (domain " + board.domain()
                    + ") does not define domain " + domain + "; domains it knows: "
                    + String.join(", ", domainsOf(board.definition()))
                    + ". Add domain." + domain + ".board=<board> to its board.properties");
        }
        BoardDefinition definition = find(other);
        Optional<String> revision =
                board.revision().filter(definition.revisions()::contains).or(definition::defaultRevision);
        return new Board(definition, revision);
    }

    /**
     * The facts the domain rule needs of {@code board} ({@link DomainBoards}); every board is
     * known here, so an unknown one is an error.
     *
     * @throws InvalidConfigurationException naming the boards there are
     */
    public Optional<DomainBoards.Facts> domainFacts(BoardTarget board) throws InvalidConfigurationException {
        BoardDefinition definition = lookup(board.target()).definition();
        return Optional.of(new DomainBoards.Facts(
                definition.name(), definition.domain(), definition.soc(), definition.domainBoards()));
    }

    private static List<String> domainsOf(BoardDefinition board) {
        List<String> domains = new ArrayList<>();
        domains.add(board.domain());
        domains.addAll(board.domainBoards().keySet());
        return domains;
    }

    /** The file-system form of a board name: {@code nrf5340dk/nrf5340/cpuapp} → {@code nrf5340dk_nrf5340_cpuapp}. */
    public static String fileNameOf(String boardName) {
        return boardName.replace('/', '_');
    }

    /** The include directory of the shipped SoC {@code .dtsi} files and headers. */
    public static Path shippedIncludeDir() throws InvalidConfigurationException {
        return shippedRoot().resolve("include");
    }

    private BoardDefinition find(String name) throws InvalidConfigurationException {
        BoardDefinition definition = byName.get(name);
        if (definition != null) {
            return definition;
        }
        for (BoardDefinition candidate : byName.values()) {
            if (candidate.fileName().equals(name)) {
                return candidate;
            }
        }
        throw new InvalidConfigurationException("unknown board '" + name + "'; known boards: "
                + String.join(", ", byName.keySet())
                + ". A project adds a board as boards/<name with '/' replaced by '_'>/board.properties");
    }

    private static Map<String, BoardDefinition> load(Path projectBoards) throws InvalidConfigurationException {
        Path root = shippedRoot();
        Path include = root.resolve("include");
        Map<String, BoardDefinition> boards = new TreeMap<>();
        for (String dirName : shippedNames(root)) {
            BoardDefinition board = BoardLoader.load(root.resolve(dirName), List.of(include), true);
            boards.put(board.name(), board);
        }
        if (projectBoards != null && Files.isDirectory(projectBoards)) {
            List<Path> includeDirs = new ArrayList<>();
            if (Files.isDirectory(projectBoards.resolve("include"))) {
                includeDirs.add(projectBoards.resolve("include"));
            }
            includeDirs.add(include);
            for (Path dir : projectBoardDirs(projectBoards)) {
                BoardDefinition board = BoardLoader.load(dir, includeDirs, false);
                boards.put(board.name(), board);
            }
        }
        return boards;
    }

    private static List<Path> projectBoardDirs(Path projectBoards) throws InvalidConfigurationException {
        try (Stream<Path> entries = Files.list(projectBoards)) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve(BoardLoader.PROPERTIES_FILE)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    "cannot list board directory " + projectBoards + ": " + e.getMessage(), e);
        }
    }

    private static List<String> shippedNames(Path root) throws InvalidConfigurationException {
        try {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(root.resolve("boards.list"), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return names;
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot read the shipped board list: " + e.getMessage(), e);
        }
    }

    /** The shipped boards as a {@link Path}, inside the jar when running from one. */
    private static synchronized Path shippedRoot() throws InvalidConfigurationException {
        if (shippedRoot != null) {
            return shippedRoot;
        }
        URL url = BoardCatalog.class.getResource(RESOURCE_ROOT + "boards.list");
        if (url == null) {
            throw new InvalidConfigurationException(
                    "the shipped boards are missing from the classpath (" + RESOURCE_ROOT + "boards.list)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    try {
                        FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException raced) {
                        FileSystems.getFileSystem(uri);
                    }
                }
            }
            shippedRoot = Path.of(uri).getParent();
            return shippedRoot;
        } catch (URISyntaxException | IOException e) {
            throw new InvalidConfigurationException(
                    "cannot open the shipped boards at " + url + ": " + e.getMessage(), e);
        }
    }
}
