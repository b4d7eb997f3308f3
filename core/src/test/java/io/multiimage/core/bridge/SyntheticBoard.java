package io.multiimage.core.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A board devicetree made to fit a layout's regions: {@code flash_primary} a flash memory under a
 * flash controller (chosen {@code zephyr,flash}, with an old partition table the overlay must
 * replace), {@code sram_primary} the SRAM (chosen {@code zephyr,sram}), {@code external_flash} a
 * SPI NOR chip (chosen {@code nordic,pm-ext-flash}), and every other region a memory node
 * labelled like the region. The golden layouts come from no real board; this one gives each of
 * them a devicetree whose memories are where the layout's regions are.
 */
final class SyntheticBoard {

    private SyntheticBoard() {}

    /** Regions the test maps explicitly on import (the importer knows only otp and ram_flash by label). */
    static List<String> mappings(Map<String, Map<String, Object>> regions) {
        List<String> mappings = new ArrayList<>();
        for (String region : regions.keySet()) {
            if (!List.of("flash_primary", "sram_primary", "external_flash", "otp", "ram_flash")
                    .contains(region)) {
                mappings.add(region + "=" + region);
            }
        }
        return mappings;
    }

    static String dts(Map<String, Map<String, Object>> regions) {
        StringBuilder soc = new StringBuilder();
        StringBuilder chosen = new StringBuilder();
        long sramBase = 0x20000000L;
        long sramSize = 0x10000;
        for (Map.Entry<String, Map<String, Object>> e : regions.entrySet()) {
            String region = e.getKey();
            long base = ((Number) e.getValue().get("base_address")).longValue();
            long size = ((Number) e.getValue().get("size")).longValue();
            switch (region) {
                case "flash_primary" -> {
                    chosen.append("\t\tzephyr,flash = &flash0;\n");
                    soc.append("\t\tflash_controller: flash-controller@4001e000 {\n")
                            .append("\t\t\tcompatible = \"test,flash-controller\";\n")
                            .append("\t\t\treg = <0x4001e000 0x1000>;\n")
                            .append("\t\t\t#address-cells = <1>;\n\t\t\t#size-cells = <1>;\n\n")
                            .append("\t\t\tflash0: flash@")
                            .append(Long.toHexString(base))
                            .append(" {\n")
                            .append("\t\t\t\tcompatible = \"soc-nv-flash\";\n")
                            .append("\t\t\t\treg = <")
                            .append(hex(base))
                            .append(' ')
                            .append(hex(size))
                            .append(">;\n\n")
                            .append("\t\t\t\tpartitions {\n")
                            .append("\t\t\t\t\tcompatible = \"fixed-partitions\";\n")
                            .append("\t\t\t\t\t#address-cells = <1>;\n\t\t\t\t\t#size-cells = <1>;\n\n")
                            .append("\t\t\t\t\tslot0_partition: partition@0 {\n")
                            .append("\t\t\t\t\t\tlabel = \"image-0\";\n")
                            .append("\t\t\t\t\t\treg = <0x0 0x1000>;\n")
                            .append("\t\t\t\t\t};\n\t\t\t\t};\n\t\t\t};\n\t\t};\n\n");
                }
                case "sram_primary" -> {
                    sramBase = base;
                    sramSize = size;
                }
                case "external_flash" -> {
                    chosen.append("\t\tnordic,pm-ext-flash = &ext_flash;\n");
                    soc.append("\t\tspi@40023000 {\n\t\t\treg = <0x40023000 0x1000>;\n")
                            .append("\t\t\t#address-cells = <1>;\n\t\t\t#size-cells = <0>;\n\n")
                            .append("\t\t\text_flash: flash@0 {\n\t\t\t\tcompatible = \"jedec,spi-nor\";\n")
                            .append("\t\t\t\treg = <0>;\n\t\t\t\tsize = <")
                            .append(hex(size * 8))
                            .append(">;\n")
                            .append("\t\t\t};\n\t\t};\n\n");
                }
                default ->
                    soc.append("\t\t")
                            .append(region)
                            .append(": ")
                            .append(region.replace('_', '-'))
                            .append('@')
                            .append(Long.toHexString(base))
                            .append(" {\n")
                            .append("\t\t\tcompatible = \"soc-nv-flash\";\n")
                            .append("\t\t\treg = <")
                            .append(hex(base))
                            .append(' ')
                            .append(hex(size))
                            .append(">;\n")
                            .append("\t\t};\n\n");
            }
        }
        chosen.append("\t\tzephyr,sram = &sram0;\n\t\tzephyr,code-partition = &slot0_partition;\n");
        soc.append("\t\tsram0: memory@")
                .append(Long.toHexString(sramBase))
                .append(" {\n")
                .append("\t\t\tcompatible = \"mmio-sram\";\n")
                .append("\t\t\treg = <")
                .append(hex(sramBase))
                .append(' ')
                .append(hex(sramSize))
                .append(">;\n")
                .append("\t\t};\n");
        return "/dts-v1/;\n\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n\tmodel = \"synthetic\";\n\n"
                + "\tchosen {\n" + chosen + "\t};\n\n\tsoc {\n\t\t#address-cells = <1>;\n\t\t#size-cells = <1>;\n\n"
                + soc + "\t};\n};\n";
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
