package io.multiimage.core.report;

import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.hex.MemoryImage;
import io.multiimage.hex.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How full one image is, and where the figures come from.
 *
 * <ul>
 *   <li>From its ELF file (an image built from source): flash used is the image's extent in its
 *       partition, from the partition's start to the end of its last stored byte (text, rodata
 *       and the initial values of data, at their load addresses), so alignment padding between
 *       sections counts as used; RAM used is data + bss + noinit + stack and heap sections;</li>
 *   <li>From its HEX file (a prebuilt image, or a toolchain that left no ELF): flash as above,
 *       from the HEX's data; RAM unknown;</li>
 *   <li>Nothing (a skipped image): no figures.</li>
 * </ul>
 *
 * @param source where the figures come from
 * @param file the ELF or HEX read, as messages name it
 * @param flash flash used of the partition; empty when nothing was measured
 * @param flashContents bytes of data stored in flash (the sum of the sections, or of the HEX's
 *     records); {@code flash.used() - flashContents} is padding between them
 * @param ram RAM used of the image's RAM; empty without an ELF file
 * @param sections bytes per kind of section, for an ELF file; empty otherwise
 * @param notes what the reader should know about these figures, in order
 * @param signing for an image signed for an MCUboot-format slot, what signing adds; its TLVs and
 *     trailer are part of {@code flash.used()}
 */
public record ImageUsage(
        Source source,
        Optional<String> file,
        Optional<Fill> flash,
        long flashContents,
        Optional<Fill> ram,
        Map<SectionKind, Long> sections,
        List<String> notes,
        Optional<SignedFraming> signing) {

    /** Where an image's figures come from. */
    public enum Source {
        /** Its ELF file's sections. */
        ELF,
        /** Its HEX file's data: flash only. */
        HEX,
        /** Nothing: no figures. */
        NONE;

        /** The value in {@code memory-report.json}: {@code elf}, {@code hex}, {@code none}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Checks the parts and freezes them. */
    public ImageUsage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(flash, "flash");
        Objects.requireNonNull(ram, "ram");
        EnumMap<SectionKind, Long> copy = new EnumMap<>(SectionKind.class);
        copy.putAll(sections);
        sections = Collections.unmodifiableMap(copy);
        notes = List.copyOf(notes);
        Objects.requireNonNull(signing, "signing");
    }

    /** Figures of an image that is not signed for a slot. */
    public ImageUsage(
            Source source,
            Optional<String> file,
            Optional<Fill> flash,
            long flashContents,
            Optional<Fill> ram,
            Map<SectionKind, Long> sections,
            List<String> notes) {
        this(source, file, flash, flashContents, ram, sections, notes, Optional.empty());
    }

    /**
     * Bytes of flash between the image's stored sections or records: alignment padding. The
     * TLVs and trailer of a signed image are not padding.
     */
    public long flashPadding() {
        long framing = signing.map(SignedFraming::inPartition).orElse(0L);
        return flash.map(f -> Math.max(0, f.used() - flashContents - framing)).orElse(0L);
    }

    /**
     * These figures for the image signed as {@code framing} says: its TLVs and the slot's trailer
     * take bytes of its partition, so they count as used and leave that much less headroom.
     * Unmeasured figures stay unmeasured.
     */
    public ImageUsage signed(SignedFraming framing) {
        if (flash.isEmpty()) {
            return new ImageUsage(source, file, flash, flashContents, ram, sections, notes, Optional.of(framing));
        }
        List<String> withNote = new ArrayList<>(notes);
        withNote.add("signed for " + framing.slot() + ": its " + framing.headerBytes() + "-byte header fills "
                + framing.header() + "; " + framing.tlvBytes() + " bytes of TLVs and the " + framing.trailerBytes()
                + "-byte trailer count as used");
        Fill before = flash.get();
        return new ImageUsage(
                source,
                file,
                Optional.of(new Fill(before.used() + framing.inPartition(), before.size())),
                flashContents,
                ram,
                sections,
                withNote,
                Optional.of(framing));
    }

    /**
     * The figures of an image from its ELF file's sections, placed at {@code partition} with the
     * RAM {@code ram}.
     */
    public static ImageUsage fromElf(ElfSections elf, MemoryRegion partition, MemoryRegion ram) {
        EnumMap<SectionKind, Long> bytes = new EnumMap<>(SectionKind.class);
        long flashLow = Long.MAX_VALUE;
        long flashHigh = Long.MIN_VALUE;
        long flashContents = 0;
        long ramUsed = 0;
        long ramOutside = 0;
        for (ElfSections.Section section : elf.sections()) {
            Optional<SectionKind> kind = SectionKind.of(section);
            if (kind.isEmpty()) {
                continue;
            }
            bytes.merge(kind.get(), section.size(), Long::sum);
            if (kind.get().inFlash()) {
                flashContents += section.size();
                flashLow = Math.min(flashLow, section.loadAddress());
                flashHigh = Math.max(flashHigh, section.loadAddress() + section.size());
            }
            if (kind.get().inRam()) {
                ramUsed += section.size();
                if (section.address() < ram.origin() || section.address() + section.size() > ram.end()) {
                    ramOutside += section.size();
                }
            }
        }
        List<String> notes = new ArrayList<>();
        Optional<Fill> flash = flashContents == 0
                ? Optional.of(new Fill(0, partition.size()))
                : Optional.of(new Fill(extent(flashLow, flashHigh, partition, notes), partition.size()));
        if (ramOutside > 0) {
            notes.add(ramOutside + " bytes of RAM sections lie outside " + ram + ", the RAM the image was given");
        }
        if (!bytes.containsKey(SectionKind.STACK)) {
            notes.add("no stack section: the stack is not counted (it takes RAM shown as free)");
        }
        return new ImageUsage(
                Source.ELF,
                Optional.of(elf.source()),
                flash,
                flashContents,
                Optional.of(new Fill(ramUsed, ram.size())),
                bytes,
                notes);
    }

    /** The figures of an image known only by its HEX {@code content}, read from {@code file}. */
    public static ImageUsage fromHex(MemoryImage content, String file, MemoryRegion partition, String why) {
        List<String> notes = new ArrayList<>();
        notes.add(why);
        Optional<Segment> span = content.span();
        long contents = content.segments().stream().mapToLong(Segment::length).sum();
        Optional<Fill> flash = Optional.of(new Fill(
                span.isEmpty()
                        ? 0
                        : extent(
                                span.get().start(),
                                span.get().start() + span.get().length(),
                                partition,
                                notes),
                partition.size()));
        return new ImageUsage(Source.HEX, Optional.of(file), flash, contents, Optional.empty(), Map.of(), notes);
    }

    /** No figures, and why. */
    public static ImageUsage none(String why) {
        return new ImageUsage(
                Source.NONE, Optional.empty(), Optional.empty(), 0, Optional.empty(), Map.of(), List.of(why));
    }

    /**
     * Bytes of the partition the data {@code [low, high)} takes: from the partition's start to the
     * end of the data. Data outside the partition (an image linked for another layout) counts
     * from its own start, and a note says so.
     */
    private static long extent(long low, long high, MemoryRegion partition, List<String> notes) {
        if (low >= partition.origin() && high <= partition.end()) {
            return high - partition.origin();
        }
        notes.add("its data lies at " + new MemoryRegion(low, high - low) + ", outside " + partition
                + "; flash used is the span of its data");
        return high - low;
    }
}
