package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.model.ImageTree;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each image of a tree runs: its board, and its domain (declared, else its parent's, else
 * its board's). Asked parents first, as the configuration walk goes; each answer is computed once.
 * The build and the core CLI both ask here.
 */
public final class ImageTargets {

    /**
     * An image's target.
     *
     * @param board the image's board
     * @param domain the image's domain
     */
    public record Target(Board board, String domain) {}

    private final ImageTree tree;
    private final BoardCatalog boards;
    private final Map<String, Target> targets = new HashMap<>();

    /** Targets of the images of {@code tree}, boards looked up in {@code boards}. */
    public ImageTargets(ImageTree tree, BoardCatalog boards) {
        this.tree = tree;
        this.boards = boards;
    }

    /** The target of {@code context}'s image; its parent's must have been asked first. */
    public Target of(ImageContext context) throws InvalidConfigurationException {
        Target known = targets.get(context.name());
        if (known != null) {
            return known;
        }
        Board board = boards.lookup(context.board().target(), context.revision().orElse(null));
        String parentDomain = tree.parent(context.name())
                .map(p -> targets.get(p.name()))
                .map(Target::domain)
                .orElse(null);
        String domain = context.domain().orElse(parentDomain != null ? parentDomain : board.domain());
        Target target = new Target(board, domain);
        targets.put(context.name(), target);
        return target;
    }
}
