package io.multiimage.core.sign;

import io.multiimage.partition.OutputDomain;

/** Partition layouts for the signing and verification tests, in partitions.yml's form. */
public final class Layouts {

    private Layouts() {}

    /** MCUboot's slots as NCS lays them out: pad 0x10000+0x200, app behind it, primary and secondary of 0x20000. */
    public static OutputDomain mcuboot(String domain) throws Exception {
        return OutputDomain.parse(
                domain,
                "partitions.yml",
                ""
                        + "mcuboot: {address: 0x0, size: 0x10000}\n"
                        + "mcuboot_pad: {address: 0x10000, size: 0x200}\n"
                        + "app: {address: 0x10200, size: 0x1fe00}\n"
                        + "mcuboot_primary_app: {address: 0x10200, size: 0x1fe00, span: [app]}\n"
                        + "mcuboot_primary: {address: 0x10000, size: 0x20000, span: [app, mcuboot_pad]}\n"
                        + "mcuboot_secondary: {address: 0x30000, size: 0x20000}\n",
                "regions.yml",
                "");
    }

    /** Any layout, from partitions.yml text. */
    public static OutputDomain of(String yaml) throws Exception {
        return OutputDomain.parse("", "partitions.yml", yaml, "regions.yml", "");
    }
}
