package io.multiimage.core.imagekconfig;

import io.multiimage.core.config.ImageContext;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The environment an image's Kconfig tree is parsed with: what {@code $(NAME)} and
 * {@code $NAME} see (the process environment is not consulted, so a build does not depend on
 * the shell it runs in). Exactly these names are set, Zephyr's where Zephyr has one:
 *
 * <table>
 *   <caption>Kconfig environment</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@code srctree}</td><td>the project root (absolute): {@code source} paths are relative to it</td></tr>
 *   <tr><td>{@code APPLICATION_SOURCE_DIR}</td><td>the image's application directory (absolute)</td></tr>
 *   <tr><td>{@code KCONFIG_ROOT}</td><td>the top Kconfig file (absolute)</td></tr>
 *   <tr><td>{@code BOARD}</td><td>the board name, e.g. {@code nrf5340dk}</td></tr>
 *   <tr><td>{@code BOARD_QUALIFIERS}</td><td>what follows it, e.g. {@code /nrf5340/cpuapp}; empty for none</td></tr>
 *   <tr><td>{@code BOARD_TARGET}</td><td>{@code nrf5340dk/nrf5340/cpuapp}</td></tr>
 *   <tr><td>{@code NORMALIZED_BOARD_TARGET}</td><td>{@code nrf5340dk_nrf5340_cpuapp}</td></tr>
 *   <tr><td>{@code BOARD_REVISION}</td><td>the revision, empty for none</td></tr>
 *   <tr><td>{@code BOARD_DIR}</td><td>the directory of the board's devicetree (absolute)</td></tr>
 *   <tr><td>{@code ARCH}</td><td>{@code arm}</td></tr>
 *   <tr><td>{@code MULTIIMAGE_KCONFIG}</td><td>the directory of the shipped Kconfig files ({@link ShippedKconfig})</td></tr>
 *   <tr><td>{@code MULTIIMAGE_IMAGE}</td><td>the image name</td></tr>
 *   <tr><td>{@code MULTIIMAGE_DOMAIN}</td><td>the image's domain, e.g. {@code CPUAPP}</td></tr>
 *   <tr><td>{@code MULTIIMAGE_BUILD_TYPE}</td><td>the build type, empty for none</td></tr>
 * </table>
 */
public final class KconfigEnvironment {

    private KconfigEnvironment() {}

    /**
     * The environment of one image.
     *
     * @param context the image's resolved context
     * @param root its Kconfig root
     * @param boardDir the directory of its board's devicetree, if known
     * @param domain its domain
     * @param shippedDir the directory holding the shipped Kconfig files
     */
    public static SortedMap<String, String> of(
            ImageContext context, KconfigRoot root, Optional<Path> boardDir, String domain, Path shippedDir) {
        SortedMap<String, String> env = new TreeMap<>();
        env.put("srctree", root.sourceTree().toAbsolutePath().normalize().toString());
        env.put(
                "APPLICATION_SOURCE_DIR",
                context.imageDir().toAbsolutePath().normalize().toString());
        env.put("KCONFIG_ROOT", root.file().toAbsolutePath().normalize().toString());
        env.put("BOARD", context.board().name());
        env.put(
                "BOARD_QUALIFIERS",
                context.board().qualifiers().isEmpty()
                        ? ""
                        : "/" + context.board().qualifiers());
        env.put("BOARD_TARGET", context.board().target());
        env.put("NORMALIZED_BOARD_TARGET", context.boardToken());
        env.put("BOARD_REVISION", context.revision().orElse(""));
        env.put(
                "BOARD_DIR",
                boardDir.map(d -> d.toAbsolutePath().normalize().toString()).orElse(""));
        env.put("ARCH", "arm");
        env.put(ShippedKconfig.VARIABLE, shippedDir.toAbsolutePath().normalize().toString());
        env.put("MULTIIMAGE_IMAGE", context.name());
        env.put("MULTIIMAGE_DOMAIN", domain);
        env.put("MULTIIMAGE_BUILD_TYPE", context.buildType());
        return Collections.unmodifiableSortedMap(env);
    }
}
