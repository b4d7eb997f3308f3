package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.devicetree.MemoryFacts;
import io.multiimage.core.kconfig.KconfigResult;
import io.multiimage.core.kconfig.KconfigValue;
import io.multiimage.core.spi.BuildLog;
import io.multiimage.core.toolchain.MemoryRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hard-coded placement, as Zephyr does it without the partition manager: an image whose
 * configuration sets {@code CONFIG_FLASH_LOAD_OFFSET} and that takes no part in the partition
 * manager lives at flash base + offset, for {@code CONFIG_FLASH_LOAD_SIZE} bytes when that is
 * set and above 0, else up to the end of flash; it may use the domain's whole SRAM.
 *
 * <p>The partition manager wins when it places the image anyway (a {@code pm.yml}, an entry in
 * the static layout, or the dynamic partition the domain's other managed images are laid out
 * around): the offset is then ignored with a warning naming the file that set it. Images placed
 * by offset are not checked against each other here; the merge refuses overlapping data.
 */
final class OffsetPlacement {

    static final String OFFSET = "FLASH_LOAD_OFFSET";
    static final String SIZE = "FLASH_LOAD_SIZE";

    private final BuildLog log;

    OffsetPlacement(BuildLog log) {
        this.log = log;
    }

    /**
     * The images of one domain that {@code CONFIG_FLASH_LOAD_OFFSET} places, in tree order.
     *
     * @param domain the domain, as messages name it ({@code the default domain})
     * @param images the domain's images in tree pre-order; the first takes the dynamic partition
     *     when the partition manager runs for the domain
     * @param dynamicPartition the name of that dynamic partition ({@code app})
     * @param managedBecause why the partition manager places an image on its own account
     *     ({@code it has boot/pm.yml}), empty when nothing makes it
     */
    List<ConfiguredImage> select(
            String domain,
            List<ConfiguredImage> images,
            String dynamicPartition,
            Function<ConfiguredImage, Optional<String>> managedBecause) {
        List<ConfiguredImage> placed = new ArrayList<>();
        boolean othersManaged = false;
        for (ConfiguredImage image : images.subList(1, images.size())) {
            Optional<String> reason = managedBecause.apply(image);
            if (setsOffset(image) && reason.isEmpty()) {
                placed.add(image);
            } else {
                othersManaged = true;
                reason.ifPresent(why -> warnIgnored(image, why));
            }
        }
        ConfiguredImage main = images.get(0);
        Optional<String> reason = managedBecause.apply(main);
        if (reason.isEmpty() && othersManaged) {
            reason = Optional.of("the other images of " + domain + " are placed by the partition manager, and "
                    + main.name() + " takes its dynamic partition '" + dynamicPartition + "'");
        }
        if (setsOffset(main) && reason.isEmpty()) {
            placed.add(0, main);
        } else {
            reason.ifPresent(why -> warnIgnored(main, why));
        }
        return placed;
    }

    /** Warns for each image that sets {@code CONFIG_FLASH_LOAD_SIZE} without {@code CONFIG_FLASH_LOAD_OFFSET}. */
    void warnUnusedSizes(List<ConfiguredImage> images) {
        for (ConfiguredImage image : images) {
            Optional<KconfigResult> kconfig = image.configuration().map(c -> c.kconfig());
            if (!setsOffset(image)
                    && kconfig.isPresent()
                    && kconfig.get().value(SIZE).isPresent()) {
                log.warn("Image '" + image.name() + "': " + shown(kconfig.get(), SIZE) + " is ignored: it sizes only an"
                        + " image placed by " + ImagePlacement.LOAD_OFFSET_SYMBOL + ", which " + image.name()
                        + " does not set");
            }
        }
    }

    /**
     * Where {@code image} lives: {@code CONFIG_FLASH_LOAD_OFFSET} bytes into its domain's flash
     * ({@code chosen/zephyr,flash}), {@code CONFIG_FLASH_LOAD_SIZE} bytes long when set and above
     * 0, else up to the end of flash; RAM is the domain's whole {@code chosen/zephyr,sram}.
     *
     * @throws InvalidConfigurationException when a value is not a number or the region leaves flash
     */
    ImagePlacement place(ConfiguredImage image, MemoryFacts domainMemory, String domain)
            throws InvalidConfigurationException {
        KconfigResult kconfig = image.configuration().orElseThrow().kconfig();
        io.multiimage.core.devicetree.MemoryRegion flash = domainMemory.flash();
        io.multiimage.core.devicetree.MemoryRegion sram = domainMemory.sram();
        String flashShown = MemoryRegion.hex(flash.address()) + ".." + MemoryRegion.hex(flash.end()) + " ("
                + MemoryRegion.hex(flash.size()) + " bytes)";
        long offset = number(image, kconfig, OFFSET);
        if (offset >= flash.size()) {
            throw new InvalidConfigurationException("Image '" + image.name() + "': " + shown(kconfig, OFFSET)
                    + " is past the end of flash: the flash of " + domain + " is " + flashShown
                    + "; expected an offset below " + MemoryRegion.hex(flash.size()));
        }
        long size = kconfig.value(SIZE).isPresent() ? number(image, kconfig, SIZE) : 0;
        if (size == 0) {
            size = flash.size() - offset;
        } else if (offset + size > flash.size()) {
            throw new InvalidConfigurationException("Image '" + image.name() + "': " + shown(kconfig, OFFSET)
                    + " with " + shown(kconfig, SIZE) + " ends at " + MemoryRegion.hex(flash.address() + offset + size)
                    + ", past the end of flash: the flash of " + domain + " is " + flashShown
                    + "; expected a size of at most " + MemoryRegion.hex(flash.size() - offset));
        }
        String origin = origin(kconfig, OFFSET);
        log.info(image.name() + ": placed by " + ImagePlacement.LOAD_OFFSET_SYMBOL + " (" + origin + ") at "
                + new MemoryRegion(flash.address() + offset, size) + ", outside the partition manager");
        return new ImagePlacement(
                image.domain(),
                image.name(),
                new MemoryRegion(flash.address() + offset, size),
                flash.address(),
                new MemoryRegion(sram.address(), sram.size()),
                false,
                Optional.of(origin));
    }

    /** True when the image's configuration sets {@code CONFIG_FLASH_LOAD_OFFSET}. */
    static boolean setsOffset(ConfiguredImage image) {
        return image.configuration()
                .map(c -> c.kconfig().value(OFFSET).isPresent())
                .orElse(false);
    }

    private void warnIgnored(ConfiguredImage image, String why) {
        if (setsOffset(image)) {
            KconfigResult kconfig = image.configuration().orElseThrow().kconfig();
            log.warn("Image '" + image.name() + "': " + shown(kconfig, OFFSET) + " is ignored: the partition manager"
                    + " places " + image.name() + " because " + why
                    + "; remove the symbol, or the image's partition request, to say which placement you mean");
        }
    }

    /** {@code value} of {@code symbol} as a non-negative number: {@code 0x...} hex or decimal. */
    private static long number(ConfiguredImage image, KconfigResult kconfig, String symbol)
            throws InvalidConfigurationException {
        String text =
                kconfig.value(symbol).map(KconfigValue::text).orElseThrow().trim();
        try {
            long value = text.startsWith("0x") || text.startsWith("0X")
                    ? Long.parseLong(text.substring(2), 16)
                    : Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the file that set the value.
        }
        throw new InvalidConfigurationException("Image '" + image.name() + "': " + shown(kconfig, symbol)
                + " is not a number of bytes; expected a hex (0x8000) or decimal (32768) value of at least 0");
    }

    /** {@code CONFIG_X=value (file:line)}. */
    private static String shown(KconfigResult kconfig, String symbol) {
        return "CONFIG_" + symbol + "="
                + kconfig.value(symbol).map(KconfigValue::configText).orElse("") + " (" + origin(kconfig, symbol) + ")";
    }

    private static String origin(KconfigResult kconfig, String symbol) {
        return kconfig.origin(symbol).map(Object::toString).orElse("the image's configuration");
    }
}
