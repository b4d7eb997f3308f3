package io.multiimage.core.pipeline;

import io.multiimage.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The formats the merged files are written in, and how: the fill byte of a binary's gaps, the
 * UF2 family id. Intel HEX is always among them.
 *
 * <pre>{@code
 * MergeFormats formats = MergeFormats.parse(List.of("bin", "uf2"), "0x00", "0xADA52840", "<mergeFormats>");
 * new FirmwareBuild(log, launcher, resolver, session).mergeFormats(formats).run(request);
 * }</pre>
 *
 * @param formats the formats, always holding {@link MergeFormat#HEX}
 * @param binFill the byte a binary holds where no image has data
 * @param uf2FamilyId the UF2 family id; empty writes UF2 blocks without one (flag 0x2000 not set)
 */
public record MergeFormats(Set<MergeFormat> formats, byte binFill, OptionalLong uf2FamilyId) {

    /** Intel HEX only, as every build wrote before other formats could be chosen. */
    public static final MergeFormats HEX_ONLY =
            new MergeFormats(Set.of(MergeFormat.HEX), (byte) 0xFF, OptionalLong.empty());

    /** Keeps the formats in a fixed order and adds HEX. */
    public MergeFormats {
        Objects.requireNonNull(uf2FamilyId, "uf2FamilyId");
        EnumSet<MergeFormat> all = EnumSet.of(MergeFormat.HEX);
        all.addAll(formats);
        formats = Collections.unmodifiableSet(all);
        if (uf2FamilyId.isPresent() && (uf2FamilyId.getAsLong() < 0 || uf2FamilyId.getAsLong() > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("UF2 family id must fit 32 bits: " + uf2FamilyId.getAsLong());
        }
    }

    /**
     * Reads the configuration's text: format names ({@code hex}, {@code bin}, {@code srec},
     * {@code uf2}; any case; an element may hold several separated by commas), the fill byte and
     * the family id as decimal or {@code 0x} hex, blank for the defaults ({@code 0xff}, none).
     *
     * @param where what the user wrote them in, for messages (e.g. {@code <mergeFormats>})
     * @throws InvalidConfigurationException naming the bad value and what is expected
     */
    public static MergeFormats parse(List<String> names, String binFill, String uf2FamilyId, String where)
            throws InvalidConfigurationException {
        EnumSet<MergeFormat> formats = EnumSet.of(MergeFormat.HEX);
        for (String element : names == null ? List.<String>of() : names) {
            for (String name : element == null ? new String[0] : element.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                formats.add(MergeFormat.named(name)
                        .orElseThrow(() -> new InvalidConfigurationException(where + ": unknown merge format '"
                                + name.trim() + "'; expected one of " + MergeFormat.names())));
            }
        }
        byte fill = (byte) 0xFF;
        if (binFill != null && !binFill.isBlank()) {
            fill = (byte) number(binFill, 0xFF, "binFill", "a byte, 0 to 0xff");
        }
        OptionalLong family = OptionalLong.empty();
        if (uf2FamilyId != null && !uf2FamilyId.isBlank()) {
            family = OptionalLong.of(
                    number(uf2FamilyId, 0xFFFF_FFFFL, "uf2FamilyId", "a 32-bit number such as 0xADA52840"));
        }
        return new MergeFormats(formats, fill, family);
    }

    private static long number(String text, long max, String what, String expected)
            throws InvalidConfigurationException {
        String t = text.trim();
        try {
            long value =
                    t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(what + ": '" + t + "' is not " + expected);
    }

    /** Whether {@code format} is written. */
    public boolean includes(MergeFormat format) {
        return formats.contains(format);
    }

    /** The formats written besides HEX, in a fixed order. */
    public List<MergeFormat> additional() {
        List<MergeFormat> list = new ArrayList<>(formats);
        list.remove(MergeFormat.HEX);
        return list;
    }

    /** Everything the written bytes depend on, as one line for the assemble step's record. */
    String recordLine() {
        List<String> names = formats.stream().map(MergeFormat::extension).toList();
        return "formats\t" + String.join(",", names) + "\tfill=" + String.format("0x%02x", binFill & 0xFF) + "\tfamily="
                + (uf2FamilyId.isPresent() ? String.format("0x%08x", uf2FamilyId.getAsLong()) : "none");
    }
}
