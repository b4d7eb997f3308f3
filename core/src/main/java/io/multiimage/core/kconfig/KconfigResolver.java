package io.multiimage.core.kconfig;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.spi.BuildLog;
import java.util.List;

/**
 * Turns an image's ordered configuration fragments into its final configuration. The
 * current implementation is {@link FragmentOnlyResolver} (no Kconfig definitions: the
 * fragments alone decide); the Kconfig language engine will implement this interface too,
 * adding definitions, defaults and dependencies, without changing its callers.
 */
public interface KconfigResolver {

    /**
     * Merges {@code fragments} in order (later assignments win). Logs
     * {@code Merged configuration '<mergeName>'} per fragment and every override, but only
     * when the whole configuration succeeds: on an error nothing is logged.
     *
     * @throws InvalidConfigurationException a fragment is malformed ({@code FILE:LINE: ...})
     */
    KconfigResult resolve(List<FragmentSource> fragments, BuildLog log) throws InvalidConfigurationException;
}
