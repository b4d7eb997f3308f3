package io.multiimage.core.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the compiler needs to know about a board's CPU.
 *
 * @param cpu the gcc {@code -mcpu} value, e.g. {@code cortex-m33}
 * @param thumb true if code is compiled with {@code -mthumb} (every Cortex-M)
 * @param fpu the gcc {@code -mfpu} value, e.g. {@code fpv5-sp-d16}; empty without an FPU
 * @param floatAbi the gcc {@code -mfloat-abi} the board supports best: {@code hard} with an
 *     FPU, {@code soft} without
 * @param cmse true for the secure state of an ARMv8-M CPU with the Security Extension: code is
 *     compiled with {@code -mcmse}, so it can declare secure entry functions (reached from the
 *     non-secure state through a secure gateway veneer) and call non-secure code
 */
public record CpuFacts(String cpu, boolean thumb, Optional<String> fpu, String floatAbi, boolean cmse) {

    // The values end up on compiler command lines: each must be one option value, never a second option.
    private static final Pattern OPTION_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    /** Checks the combination, and that CPU and FPU names can only be option values. */
    public CpuFacts {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(fpu, "fpu");
        Objects.requireNonNull(floatAbi, "floatAbi");
        if (!OPTION_VALUE.matcher(cpu).matches()) {
            throw new IllegalArgumentException("not a CPU name for -mcpu: '" + cpu + "'");
        }
        if (fpu.isPresent() && !OPTION_VALUE.matcher(fpu.get()).matches()) {
            throw new IllegalArgumentException("not an FPU name for -mfpu: '" + fpu.get() + "'");
        }
        if (!List.of("soft", "softfp", "hard").contains(floatAbi)) {
            throw new IllegalArgumentException("float ABI must be soft, softfp or hard, not " + floatAbi);
        }
        if (fpu.isEmpty() && !floatAbi.equals("soft")) {
            throw new IllegalArgumentException("float ABI " + floatAbi + " needs an FPU");
        }
    }

    /** A CPU whose code does not use the Security Extension (no {@code -mcmse}). */
    public CpuFacts(String cpu, boolean thumb, Optional<String> fpu, String floatAbi) {
        this(cpu, thumb, fpu, floatAbi, false);
    }

    /** A Thumb CPU without FPU, e.g. {@code cortex-m3}: soft float ABI. */
    public static CpuFacts withoutFpu(String cpu) {
        return new CpuFacts(cpu, true, Optional.empty(), "soft");
    }

    /** True if the CPU has a floating-point unit. */
    public boolean hasFpu() {
        return fpu.isPresent();
    }

    /**
     * The gcc machine options, e.g. {@code -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16
     * -mfloat-abi=hard}, ending in {@code -mcmse} for secure code. With an FPU the startup code
     * must enable it (CPACR) before the first floating-point instruction;
     * {@link #gccSoftFloatFlags()} avoids that.
     */
    public List<String> gccFlags() {
        return machineFlags(thumb, fpu, floatAbi);
    }

    /** The gcc machine options for code that must not use the FPU. */
    public List<String> gccSoftFloatFlags() {
        return machineFlags(thumb, Optional.empty(), "soft");
    }

    /**
     * The machine options the {@code gnu-arm} driver compiles and links every image with:
     * {@link #gccFlags()}, but always with {@code -mthumb}. Cortex-M CPUs run Thumb code only,
     * and image builds have never left {@code -mthumb} out for {@code cpu.thumb=false}; these
     * options are part of the toolchain fingerprint, so they must not change.
     */
    public List<String> buildFlags() {
        return machineFlags(true, fpu, floatAbi);
    }

    private List<String> machineFlags(boolean withThumb, Optional<String> withFpu, String abi) {
        List<String> flags = new ArrayList<>();
        flags.add("-mcpu=" + cpu);
        if (withThumb) {
            flags.add("-mthumb");
        }
        withFpu.ifPresent(f -> flags.add("-mfpu=" + f));
        flags.add("-mfloat-abi=" + abi);
        if (cmse) {
            flags.add("-mcmse");
        }
        return List.copyOf(flags);
    }
}
