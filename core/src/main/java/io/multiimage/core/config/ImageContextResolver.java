package io.multiimage.core.config;

import io.multiimage.core.model.BoardTarget;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageModelException;
import io.multiimage.core.model.ImageTree;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.variables.ReceivedVariables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves board, revision, domain, build type and toolchain of every image (child-image
 * rules §2). For a child:
 *
 * <table>
 *   <caption>child settings, first that applies wins</caption>
 *   <tr><th>setting</th><th>value</th></tr>
 *   <tr><td>board</td><td>{@code <img>_BOARD}; the declared board; the parent's board without
 *       a trailing {@code /ns} ({@code _ns}), logging {@code Changed board to secure <board> (NOT NS)}</td></tr>
 *   <tr><td>revision</td><td>{@code <img>_BOARD_REVISION}; the {@code @rev} of {@code <img>_BOARD};
 *       the declared revision (or {@code @rev} of the declared board); the parent's revision</td></tr>
 *   <tr><td>domain</td><td>declared; the parent's</td></tr>
 *   <tr><td>build type</td><td>{@code x} when {@code <img>_CONF_FILE} is one file named
 *       {@code prj_x.conf}; declared; the parent's</td></tr>
 *   <tr><td>toolchain</td><td>{@code <img>_TOOLCHAIN}; declared; the parent's</td></tr>
 * </table>
 *
 * The top-level image uses its own variables ({@code BOARD}, {@code BOARD_REVISION},
 * {@code CONF_FILE}, {@code TOOLCHAIN}) and its declaration; it must have a board; its
 * toolchain defaults to {@code gnu-arm} and its build type to none.
 */
public final class ImageContextResolver {

    /** The toolchain driver used when nobody names one. */
    public static final String DEFAULT_TOOLCHAIN = "gnu-arm";

    private static final Pattern PRJ_BUILD_TYPE = Pattern.compile("prj_(.+)\\.conf");

    private ImageContextResolver() {}

    /**
     * The context of every image of {@code tree}, in pre-order.
     *
     * @param variables what each image received ({@code VariableForwarding.compute})
     * @throws ImageModelException for a malformed board or a top-level image without board
     */
    public static Map<String, ImageContext> resolve(ImageTree tree, Map<String, ReceivedVariables> variables,
            BuildLog log) throws ImageModelException {
        Map<String, ImageContext> contexts = new LinkedHashMap<>();
        for (ImageDeclaration image : tree.preOrder()) {
            ReceivedVariables received = variables.getOrDefault(image.name(), ReceivedVariables.none());
            Optional<ImageDeclaration> parent = tree.parent(image.name());
            ImageContext context = parent.isEmpty()
                    ? topLevel(image, received, tree.chain(image.name()))
                    : child(image, contexts.get(parent.get().name()), received, tree.chain(image.name()), log);
            contexts.put(image.name(), context);
        }
        return contexts;
    }

    private static ImageContext topLevel(ImageDeclaration image, ReceivedVariables received, List<String> chain)
            throws ImageModelException {
        Optional<String> boardText = received.imageSpecific("BOARD").or(image::board);
        if (boardText.isEmpty()) {
            throw new ImageModelException(image.name(), "Image '" + image.name()
                    + "' has no board: declare one or give BOARD");
        }
        BoardTarget board = BoardTarget.parse(image.name(), boardText.get());
        Optional<String> revision = received.imageSpecific("BOARD_REVISION").or(board::revision)
                .or(image::revision);
        String buildType = inferredBuildType(received).or(image::buildType).orElse("");
        String toolchain = received.imageSpecific("TOOLCHAIN").or(image::toolchain).orElse(DEFAULT_TOOLCHAIN);
        return new ImageContext(image.name(), image.applicationDir(), Optional.empty(),
                board.withRevision(Optional.empty()), revision, image.domain(), buildType, toolchain, received, chain);
    }

    private static ImageContext child(ImageDeclaration image, ImageContext parent, ReceivedVariables received,
            List<String> chain, BuildLog log) throws ImageModelException {
        Optional<String> given = received.imageSpecific("BOARD");
        BoardTarget board;
        if (given.isPresent()) {
            board = BoardTarget.parse(image.name(), given.get());
        } else if (image.board().isPresent()) {
            board = BoardTarget.parse(image.name(), image.board().get());
        } else {
            board = parent.board();
            Optional<BoardTarget> secure = board.secure();
            if (secure.isPresent()) {
                board = secure.get();
                log.info("Changed board to secure " + board.target() + " (NOT NS)");
            }
        }
        Optional<String> boardRevision = board.revision();
        Optional<String> givenRevision = given.isPresent() ? boardRevision : Optional.empty();
        Optional<String> declaredRevision = image.revision()
                .or(() -> given.isEmpty() && image.board().isPresent() ? boardRevision : Optional.empty());
        Optional<String> revision = received.imageSpecific("BOARD_REVISION")
                .or(() -> givenRevision)
                .or(() -> declaredRevision)
                .or(parent::revision);
        String buildType = inferredBuildType(received).or(image::buildType).orElse(parent.buildType());
        String toolchain = received.imageSpecific("TOOLCHAIN").or(image::toolchain).orElse(parent.toolchain());
        return new ImageContext(image.name(), image.applicationDir(), Optional.of(parent.imageDir()),
                board.withRevision(Optional.empty()), revision, image.domain().or(parent::domain), buildType,
                toolchain, received, chain);
    }

    /** {@code x} when {@code CONF_FILE} is exactly one file named {@code prj_x.conf}. */
    static Optional<String> inferredBuildType(ReceivedVariables received) {
        List<String> confFiles = received.imageSpecific("CONF_FILE").map(ReceivedVariables::splitList)
                .orElse(List.of());
        if (confFiles.size() != 1) {
            return Optional.empty();
        }
        Path fileName = Path.of(confFiles.get(0)).getFileName();
        Matcher m = PRJ_BUILD_TYPE.matcher(fileName == null ? "" : fileName.toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
