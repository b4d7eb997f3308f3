package io.multiimage.core.report;

import java.util.Locale;
import java.util.Optional;

/**
 * What an allocated ELF section holds, in the terms of the memory report: code, constants and
 * initial values stored in flash; variables, uninitialised memory, stack and heap in RAM.
 * Sections not allocated at run time (debug information, symbols) are none of these.
 */
public enum SectionKind {
    /**
     * Code, the vector table, unwind tables, init/fini arrays, and anything else stored in flash
     * and used where it is stored: flash.
     */
    TEXT(true, false),
    /** Read-only data ({@code .rodata*}): flash. */
    RODATA(true, false),
    /** Initialised variables: their initial values in flash, the variables in RAM. */
    DATA(true, true),
    /** Zeroed variables: RAM. */
    BSS(false, true),
    /** Variables left uninitialised at reset ({@code *noinit*}): RAM. */
    NOINIT(false, true),
    /** Stack the linker script reserves as a section ({@code *stack*}): RAM. */
    STACK(false, true),
    /** Heap the linker script reserves as a section ({@code *heap*}): RAM. */
    HEAP(false, true);

    private final boolean inFlash;
    private final boolean inRam;

    SectionKind(boolean inFlash, boolean inRam) {
        this.inFlash = inFlash;
        this.inRam = inRam;
    }

    /** True when the section's bytes are part of the image stored in flash. */
    public boolean inFlash() {
        return inFlash;
    }

    /** True when the section occupies RAM while the image runs. */
    public boolean inRam() {
        return inRam;
    }

    /** The key of this kind in {@code memory-report.json}, e.g. {@code rodata}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of {@code section}: empty for a section that takes no memory at run time. Like
     * {@code size}: allocated with contents and read-only is flash, writable with contents is
     * data, allocated without contents ({@code NOBITS}) is RAM only, named for what it reserves.
     * Unlike {@code size}, a writable section that runs where it is stored (a vector table not
     * declared {@code const}) is not data: nothing copies it to RAM.
     */
    public static Optional<SectionKind> of(ElfSections.Section section) {
        if (!section.allocated() || section.size() == 0) {
            return Optional.empty();
        }
        String name = section.name().toLowerCase(Locale.ROOT);
        if (section.hasContents()) {
            if (section.writable() && section.address() != section.loadAddress()) {
                return Optional.of(DATA);
            }
            return Optional.of(name.startsWith(".rodata") ? RODATA : TEXT);
        }
        if (name.contains("stack")) {
            return Optional.of(STACK);
        }
        if (name.contains("heap")) {
            return Optional.of(HEAP);
        }
        if (name.contains("noinit")) {
            return Optional.of(NOINIT);
        }
        return Optional.of(BSS);
    }
}
