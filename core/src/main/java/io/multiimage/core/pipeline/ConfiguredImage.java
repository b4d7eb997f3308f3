package io.multiimage.core.pipeline;

import io.multiimage.core.board.Board;
import io.multiimage.core.config.ImageConfiguration;
import io.multiimage.core.config.ImageContext;
import io.multiimage.core.model.ResolvedBuildStrategy;
import java.util.Objects;
import java.util.Optional;

/**
 * One image after the configure step.
 *
 * @param context the image's resolved context (board, domain, variables, ...)
 * @param strategy how the image gets into the firmware, and who decided it
 * @param domain the image's domain: declared, else its parent's, else its board's
 * @param board the image's board (for prebuilt images too: it defines the domain's memory)
 * @param configuration the merged configuration; empty for images not built from source
 */
public record ConfiguredImage(
        ImageContext context,
        ResolvedBuildStrategy strategy,
        String domain,
        Board board,
        Optional<ImageConfiguration> configuration) {

    /** Checks the parts. */
    public ConfiguredImage {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(configuration, "configuration");
    }

    /** The image name. */
    public String name() {
        return context.name();
    }

    /** True when the image is compiled in this build. */
    public boolean fromSource() {
        return configuration.isPresent();
    }
}
