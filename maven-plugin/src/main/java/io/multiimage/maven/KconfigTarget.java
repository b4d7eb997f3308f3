package io.multiimage.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <kconfigTarget>}: a Kconfig target that {@code firmware:kconfig} runs (the seed's
 * {@code EXTRA_KCONFIG_TARGETS}): a command run with the image's Kconfig environment
 * ({@code KCONFIG_CONFIG}, {@code srctree}, {@code KCONFIG_ROOT}, {@code BOARD}, the image's
 * variables) in the image's directory.
 *
 * <pre>{@code
 * <kconfigTargets>
 *   <kconfigTarget>
 *     <name>hardening</name>
 *     <command><arg>python3</arg><arg>scripts/hardening_check.py</arg></command>
 *   </kconfigTarget>
 * </kconfigTargets>
 * }</pre>
 */
public class KconfigTarget {

    private String name;
    private List<String> command = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getCommand() {
        return command;
    }

    public void setCommand(List<String> command) {
        this.command = command;
    }
}
