package io.multiimage.core.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the compiler needs to know about a board's CPU.
 *
 * @param cpu the gcc {@code -mcpu} value, e.g. {@code cortex-m33}
 * @param thumb true if code is compiled with {@code -mthumb} (every Cortex-M)
 * @param fpu the gcc {@code -mfpu} value, e.g. {@code fpv5-sp-d16}; empty without an FPU
 * @param floatAbi the gcc {@code -mfloat-abi} the board supports best: {@code hard} with an
 *     FPU, {@code soft} without
 */
public record CpuFacts(String cpu, boolean thumb, Optional<String> fpu, String floatAbi) {

    /** Checks the combination. */
    public CpuFacts {
        if (!List.of("soft", "softfp", "hard").contains(floatAbi)) {
            throw new IllegalArgumentException("float ABI must be soft, softfp or hard, not " + floatAbi);
        }
        if (fpu.isEmpty() && !floatAbi.equals("soft")) {
            throw new IllegalArgumentException("float ABI " + floatAbi + " needs an FPU");
        }
    }

    /** True if the CPU has a floating-point unit. */
    public boolean hasFpu() {
        return fpu.isPresent();
    }

    /**
     * The gcc machine options, e.g. {@code -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16
     * -mfloat-abi=hard}. With an FPU the startup code must enable it (CPACR) before the first
     * floating-point instruction; {@link #gccSoftFloatFlags()} avoids that.
     */
    public List<String> gccFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("-mcpu=" + cpu);
        if (thumb) {
            flags.add("-mthumb");
        }
        fpu.ifPresent(f -> flags.add("-mfpu=" + f));
        flags.add("-mfloat-abi=" + floatAbi);
        return List.copyOf(flags);
    }

    /** The gcc machine options for code that must not use the FPU. */
    public List<String> gccSoftFloatFlags() {
        List<String> flags = new ArrayList<>();
        flags.add("-mcpu=" + cpu);
        if (thumb) {
            flags.add("-mthumb");
        }
        flags.add("-mfloat-abi=soft");
        return List.copyOf(flags);
    }
}
