package io.multiimage.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of valid request sets: chains of partitions anchored on {@code start},
 * {@code end} or {@code app}, some aligned, containers over whole chains, a slot container
 * around {@code app} with a dynamic sharer, fixed sharers, and packed partitions in a simple
 * region (one copying a size across regions).
 */
final class RandomRequests {

    final List<Region> regions = new ArrayList<>();
    final StringBuilder yaml = new StringBuilder();
    /** Containers over chains, by name, with their members. */
    final List<List<String>> containers = new ArrayList<>();

    final List<String> fixedSharers = new ArrayList<>();

    RandomRequests(long seed) {
        Random rnd = new Random(seed);
        long flashSize = 0x100000L << rnd.nextInt(2);
        regions.add(Region.of("sram_primary", 0x20000000L, 0x40000, PlacementStrategy.COMPLEX)
                .withDynamicPartition("sram_primary"));
        regions.add(Region.of("flash_primary", 0, flashSize, PlacementStrategy.COMPLEX)
                .withDevice("flash_controller", "CONFIG_SOC_FLASH_NRF"));
        PlacementStrategy ext = rnd.nextBoolean() ? PlacementStrategy.START_TO_END : PlacementStrategy.END_TO_START;
        regions.add(Region.of("external_flash", 0x10000000L, 0x400000, ext).withDevice("spi_nor", "CONFIG_SPI_NOR"));

        boolean slot = rnd.nextBoolean();
        List<String[]> anchors = new ArrayList<>(List.of(
                new String[] {"after", "start"},
                new String[] {"before", "end"},
                new String[] {"after", "app"},
                new String[] {"before", "app"}));
        if (slot) {
            anchors.remove(3);
        }
        java.util.Collections.shuffle(anchors, rnd);
        // one chain per anchor: chains anchored on the same neighbour make the order depend on
        // the reference's hash seed (spec 9.1), and identical placements get rewritten (4.5)
        int chains = rnd.nextInt(anchors.size() + 1);
        int counter = 0;
        boolean aligned = false;
        List<String> all = new ArrayList<>();
        List<List<String>> chainList = new ArrayList<>();
        List<String> directions = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            String dir = anchors.get(c)[0];
            String anchor = anchors.get(c)[1];
            int length = 1 + rnd.nextInt(4);
            List<String> chain = new ArrayList<>();
            String previous = anchor;
            for (int i = 0; i < length; i++) {
                String name = "p" + (counter++);
                long size = (1 + rnd.nextInt(64)) * 0x100L;
                yaml.append(name)
                        .append(":\n  size: ")
                        .append(YamlWriter.hex(size))
                        .append("\n  placement:\n    ")
                        .append(dir)
                        .append(": [")
                        .append(previous)
                        .append("]\n");
                if (!slot && rnd.nextInt(3) == 0) {
                    long align = 0x100L << rnd.nextInt(5);
                    aligned = true;
                    yaml.append("    align: {")
                            .append(rnd.nextInt(4) == 0 ? "end" : "start")
                            .append(": ")
                            .append(YamlWriter.hex(align))
                            .append("}\n");
                }
                if (rnd.nextInt(5) == 0) {
                    yaml.append("  affiliation: [group").append(rnd.nextInt(2)).append("]\n");
                }
                chain.add(name);
                all.add(name);
                previous = name;
            }
            if (chain.size() > 1 && rnd.nextBoolean()) {
                String box = "box" + c;
                yaml.append(box).append(":\n  span: ").append(chain).append('\n');
                List<String> members = new ArrayList<>(chain);
                members.add(0, box);
                containers.add(members);
            }
            chainList.add(chain);
            directions.add(dir);
        }
        if (slot) {
            yaml.append("slot_pad:\n  size: 0x200\n  placement: {before: [app]}\n")
                    .append("slot:\n  span: [slot_pad, app]\n")
                    .append("slot_copy:\n  share_size: [slot]\n  placement: {after: [slot]}\n");
        }
        if (!all.isEmpty() && rnd.nextBoolean()) {
            int c = rnd.nextInt(chainList.size());
            List<String> chain = chainList.get(c);
            String target = all.get(rnd.nextInt(all.size()));
            yaml.append("twin:\n  share_size: [")
                    .append(target)
                    .append("]\n  placement: {")
                    .append(directions.get(c))
                    .append(": [")
                    .append(chain.get(chain.size() - 1))
                    .append("]}\n");
            fixedSharers.add("twin=" + target);
        }
        int packed = rnd.nextInt(4);
        for (int i = 0; i < packed; i++) {
            yaml.append("ext")
                    .append(i)
                    .append(":\n  region: external_flash\n  size: ")
                    .append(YamlWriter.hex((1 + rnd.nextInt(16)) * 0x1000L))
                    .append('\n');
        }
        if (!all.isEmpty() && rnd.nextBoolean()) {
            String target = all.get(rnd.nextInt(all.size()));
            yaml.append("ext_copy:\n  region: external_flash\n  share_size: [")
                    .append(target)
                    .append("]\n");
            fixedSharers.add("ext_copy=" + target);
        }
        if (rnd.nextBoolean()) {
            yaml.append("ram_blob_sram:\n  size: 0x1000\n  placement: {after: [start]}\n");
        }
    }

    DomainConfig config() {
        return DomainConfig.root(List.of(RequestSource.ofText("random.yml", yaml.toString())), null, regions);
    }
}
