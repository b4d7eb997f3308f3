package io.multiimage.core.config;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.model.BoardTarget;
import io.multiimage.core.model.DomainBoards;
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
 *   <tr><td>board</td><td>{@code <img>_BOARD}; the declared board; in a domain other than the
 *       parent's, that domain's board on the parent's chip ({@code domain.<D>.board}); the
 *       parent's board without a trailing {@code /ns} ({@code _ns}), logging
 *       {@code Changed board to secure <board> (NOT NS)}</td></tr>
 *   <tr><td>revision</td><td>{@code <img>_BOARD_REVISION}; the {@code @rev} of {@code <img>_BOARD};
 *       the declared revision (or {@code @rev} of the declared board); the parent's revision</td></tr>
 *   <tr><td>domain</td><td>declared; the parent's (the top's: declared, else its board's)</td></tr>
 *   <tr><td>build type</td><td>{@code x} when {@code <img>_CONF_FILE} is one file named
 *       {@code prj_x.conf}; declared; the parent's</td></tr>
 *   <tr><td>toolchain</td><td>{@code <img>_TOOLCHAIN}; declared; the parent's</td></tr>
 * </table>
 *
 * The top-level image uses its own variables ({@code BOARD}, {@code BOARD_REVISION},
 * {@code CONF_FILE}, {@code TOOLCHAIN}) and its declaration; it must have a board; its
 * toolchain defaults to {@code gnu-arm} and its build type to none.
 *
 * <p>Every image of a domain builds for that domain's board: a board that does not belong to
 * the image's domain (another domain's board, or a board of another chip than the domain's) is
 * an error naming both. Board facts come from {@link DomainBoards}; without them
 * ({@link DomainBoards#UNKNOWN}) domains stay as declared and boards follow the parent's.
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
    public static Map<String, ImageContext> resolve(
            ImageTree tree, Map<String, ReceivedVariables> variables, BuildLog log)
            throws InvalidConfigurationException {
        return resolve(tree, variables, DomainBoards.UNKNOWN, log);
    }

    /**
     * The context of every image of {@code tree}, in pre-order, giving each image its domain's
     * board as {@code boards} describes them.
     *
     * @throws InvalidConfigurationException for a malformed or unknown board, a top-level image
     *     without board, a domain the parent's chip does not have, or a board outside its image's domain
     */
    public static Map<String, ImageContext> resolve(
            ImageTree tree, Map<String, ReceivedVariables> variables, DomainBoards boards, BuildLog log)
            throws InvalidConfigurationException {
        Map<String, ImageContext> contexts = new LinkedHashMap<>();
        for (ImageDeclaration image : tree.preOrder()) {
            ReceivedVariables received = variables.getOrDefault(image.name(), ReceivedVariables.none());
            Optional<ImageDeclaration> parent = tree.parent(image.name());
            ImageContext context = parent.isEmpty()
                    ? topLevel(image, received, tree.chain(image.name()), boards)
                    : child(image, contexts.get(parent.get().name()), received, tree.chain(image.name()), boards, log);
            contexts.put(image.name(), context);
        }
        return contexts;
    }

    private static ImageContext topLevel(
            ImageDeclaration image, ReceivedVariables received, List<String> chain, DomainBoards boards)
            throws InvalidConfigurationException {
        Optional<String> boardText = received.imageSpecific("BOARD").or(image::board);
        if (boardText.isEmpty()) {
            throw new ImageModelException(
                    image.name(), "Image '" + image.name() + "' has no board: declare one or give BOARD");
        }
        BoardTarget board = BoardTarget.parse(image.name(), boardText.get());
        Optional<String> revision =
                received.imageSpecific("BOARD_REVISION").or(board::revision).or(image::revision);
        String buildType = inferredBuildType(received).or(image::buildType).orElse("");
        String toolchain =
                received.imageSpecific("TOOLCHAIN").or(image::toolchain).orElse(DEFAULT_TOOLCHAIN);
        Optional<DomainBoards.Facts> facts = boards.facts(board.withRevision(Optional.empty()));
        Optional<String> domain = image.domain().or(() -> facts.map(DomainBoards.Facts::domain));
        if (image.domain().isPresent()
                && facts.isPresent()
                && facts.get().boardOf(image.domain().get()).isEmpty()) {
            throw new ImageModelException(
                    image.name(),
                    "Image '" + image.name() + "' is declared in domain "
                            + image.domain().get() + ", but its board " + board.target() + " is a board of domain "
                            + facts.get().domain() + " and names no board for "
                            + image.domain().get()
                            + "; give a board of domain " + image.domain().get() + " or leave the domain out");
        }
        return new ImageContext(
                image.name(),
                image.applicationDir(),
                Optional.empty(),
                board.withRevision(Optional.empty()),
                revision,
                domain,
                buildType,
                toolchain,
                received,
                chain);
    }

    private static ImageContext child(
            ImageDeclaration image,
            ImageContext parent,
            ReceivedVariables received,
            List<String> chain,
            DomainBoards boards,
            BuildLog log)
            throws InvalidConfigurationException {
        Optional<String> given = received.imageSpecific("BOARD");
        Optional<String> domain = image.domain().or(parent::domain);
        boolean otherDomain = image.domain().isPresent() && !image.domain().equals(parent.domain());
        Optional<String> domainBoard =
                otherDomain ? domainBoard(image, parent, domain.get(), boards) : Optional.empty();
        BoardTarget board;
        boolean fromDomain = given.isEmpty() && image.board().isEmpty() && domainBoard.isPresent();
        if (given.isPresent() || image.board().isPresent()) {
            board = BoardTarget.parse(
                    image.name(), given.orElseGet(() -> image.board().get()));
            String origin = given.isPresent()
                    ? image.name() + "_BOARD"
                    : "the board declared for it"
                            + (image.declaredBy().isEmpty() ? "" : " (" + image.declaredBy() + ")");
            checkBelongs(
                    image.name(),
                    board,
                    origin,
                    domain,
                    domainBoard.orElse(parent.board().target()),
                    boards);
        } else if (domainBoard.isPresent()) {
            board = BoardTarget.parse(image.name(), domainBoard.get());
            log.info(image.name() + ": board " + board.target() + " (the board of domain " + domain.get() + " on "
                    + parent.board().target() + ")");
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
                // Another domain's board has revisions of its own: it starts from its default.
                .or(() -> fromDomain ? Optional.empty() : parent.revision());
        String buildType = inferredBuildType(received).or(image::buildType).orElse(parent.buildType());
        String toolchain =
                received.imageSpecific("TOOLCHAIN").or(image::toolchain).orElse(parent.toolchain());
        return new ImageContext(
                image.name(),
                image.applicationDir(),
                Optional.of(parent.imageDir()),
                board.withRevision(Optional.empty()),
                revision,
                domain,
                buildType,
                toolchain,
                received,
                chain);
    }

    /** The board of {@code domain} on the chip of the parent's board; an error when the chip has no such domain. */
    private static Optional<String> domainBoard(
            ImageDeclaration image, ImageContext parent, String domain, DomainBoards boards)
            throws InvalidConfigurationException {
        Optional<DomainBoards.Facts> parentFacts = boards.facts(parent.board());
        if (parentFacts.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> board = parentFacts.get().boardOf(domain);
        if (board.isEmpty()) {
            throw new ImageModelException(
                    image.name(),
                    "Image '" + image.name() + "' is in domain " + domain
                            + ", but the board of its parent '" + parent.name() + "', "
                            + parent.board().target() + " (chip "
                            + parentFacts.get().soc() + "), has no domain " + domain + " (domains: "
                            + String.join(", ", domainsOf(parentFacts.get()))
                            + "): the images of one firmware must share a chip."
                            + " Give '" + parent.name() + "' a board with domain " + domain + ", or add domain."
                            + domain
                            + ".board=<board> to the board.properties of "
                            + parent.board().target());
        }
        return board;
    }

    /**
     * An explicit board must belong to the image's domain: the domain's own board (or its secure
     * or non-secure variant: same domain, same chip).
     */
    private static void checkBelongs(
            String image,
            BoardTarget board,
            String origin,
            Optional<String> domain,
            String domainBoard,
            DomainBoards boards)
            throws InvalidConfigurationException {
        Optional<DomainBoards.Facts> facts = boards.facts(board.withRevision(Optional.empty()));
        Optional<DomainBoards.Facts> expected =
                boards.facts(BoardTarget.parse(image, domainBoard).withRevision(Optional.empty()));
        if (facts.isEmpty() || expected.isEmpty() || domain.isEmpty()) {
            return;
        }
        if (!facts.get().domain().equals(domain.get())
                || !facts.get().soc().equals(expected.get().soc())) {
            throw new ImageModelException(
                    image,
                    "Image '" + image + "' is in domain " + domain.get()
                            + ", whose board is " + domainBoard + " (chip "
                            + expected.get().soc() + "), but " + origin
                            + " gives it board " + board.target() + " (domain "
                            + facts.get().domain() + ", chip "
                            + facts.get().soc()
                            + "). Every image of a domain builds for that domain's board: remove the"
                            + " board, or declare the domain the board belongs to");
        }
    }

    private static List<String> domainsOf(DomainBoards.Facts facts) {
        List<String> domains = new java.util.ArrayList<>();
        domains.add(facts.domain());
        domains.addAll(facts.domainBoards().keySet());
        return domains;
    }

    /** {@code x} when {@code CONF_FILE} is exactly one file named {@code prj_x.conf}. */
    static Optional<String> inferredBuildType(ReceivedVariables received) {
        List<String> confFiles = received.imageSpecific("CONF_FILE")
                .map(ReceivedVariables::splitList)
                .orElse(List.of());
        if (confFiles.size() != 1) {
            return Optional.empty();
        }
        Path fileName = Path.of(confFiles.get(0)).getFileName();
        Matcher m = PRJ_BUILD_TYPE.matcher(fileName == null ? "" : fileName.toString());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
