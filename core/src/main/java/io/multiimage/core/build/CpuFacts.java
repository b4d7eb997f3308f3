package io.multiimage.core.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the compiler needs to know about the CPU, as a board definition states it.
 *
 * @param cpu the {@code -mcpu} value, e.g. {@code cortex-m3}, {@code cortex-m33}
 * @param fpu the {@code -mfpu} value, e.g. {@code fpv5-sp-d16}; empty for none
 * @param floatAbi the {@code -mfloat-abi} value ({@code soft}, {@code softfp}, {@code hard});
 *     empty for the compiler's default
 */
public record CpuFacts(String cpu, String fpu, String floatAbi) {

    private static final Pattern OPTION_VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    /** Checks that each value can only be an option value, never a second option. */
    public CpuFacts {
        cpu = cpu == null ? "" : cpu.trim();
        fpu = fpu == null ? "" : fpu.trim();
        floatAbi = floatAbi == null ? "" : floatAbi.trim();
        if (!OPTION_VALUE.matcher(cpu).matches()) {
            throw new IllegalArgumentException("not a CPU name for -mcpu: '" + cpu + "'");
        }
        if (!fpu.isEmpty() && !OPTION_VALUE.matcher(fpu).matches()) {
            throw new IllegalArgumentException("not an FPU name for -mfpu: '" + fpu + "'");
        }
        if (!floatAbi.isEmpty() && !List.of("soft", "softfp", "hard").contains(floatAbi)) {
            throw new IllegalArgumentException("float ABI must be soft, softfp or hard: '" + floatAbi + "'");
        }
    }

    /** A Cortex-M CPU without FPU, e.g. {@code cortex-m3}. */
    public static CpuFacts of(String cpu) {
        return new CpuFacts(cpu, "", "");
    }

    /** The GCC options for this CPU: {@code -mcpu=..., -mthumb}, then FPU and float ABI if set. */
    public List<String> gccOptions() {
        List<String> options = new ArrayList<>();
        options.add("-mcpu=" + cpu);
        options.add("-mthumb");
        if (!fpu.isEmpty()) {
            options.add("-mfpu=" + fpu);
        }
        if (!floatAbi.isEmpty()) {
            options.add("-mfloat-abi=" + floatAbi);
        }
        return options;
    }
}
