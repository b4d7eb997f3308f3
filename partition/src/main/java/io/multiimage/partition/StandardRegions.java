package io.multiimage.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The regions the nRF Connect SDK passes to its partition manager (spec 1.6), for callers that
 * build a {@link DomainConfig} from a board's devicetree.
 */
public final class StandardRegions {

    /** Region order the SDK uses. */
    private static final List<String> SDK_ORDER =
            List.of("sram_primary", "otp", "flash_primary", "external_flash", "ram_flash");

    private StandardRegions() {}

    /** RAM of the image's core: complex, dynamic partition {@code sram_primary}, no device. */
    public static Region sramPrimary(long base, long size) {
        return Region.of("sram_primary", base, size, PlacementStrategy.COMPLEX).withDynamicPartition("sram_primary");
    }

    /**
     * Internal flash: complex, device {@code flash_controller}, driver {@code CONFIG_SOC_FLASH_NRF}.
     *
     * @param dynamicPartition {@code null} (meaning {@code app}) in the root domain, the domain's main
     *                         image otherwise (e.g. {@code hci_ipc} on the nRF5340 network core)
     */
    public static Region flashPrimary(long base, long size, String dynamicPartition) {
        return Region.of("flash_primary", base, size, PlacementStrategy.COMPLEX)
                .withDevice("flash_controller", "CONFIG_SOC_FLASH_NRF")
                .withDynamicPartition(dynamicPartition);
    }

    /** nRF54L internal RRAM: like {@link #flashPrimary} with {@code rram_controller} and its driver. */
    public static Region rramPrimary(long base, long size, String dynamicPartition) {
        return Region.of("flash_primary", base, size, PlacementStrategy.COMPLEX)
                .withDevice("rram_controller", "CONFIG_SOC_FLASH_NRF_RRAM")
                .withDynamicPartition(dynamicPartition);
    }

    /** OTP (UICR) area, packed from its start, no device. */
    public static Region otp(long base, long size) {
        return Region.of("otp", base, size, PlacementStrategy.START_TO_END);
    }

    /** OTP of the nRF91 series: 0xff8108, 756 bytes. */
    public static Region otpNrf91() {
        return otp(0xff8108L, 756);
    }

    /** OTP of the nRF5340 application core: 0xff8100, 764 bytes. */
    public static Region otpNrf5340() {
        return otp(0xff8100L, 764);
    }

    /** OTP of the nRF54L15: 0xffd500, 1276 bytes. */
    public static Region otpNrf54l15() {
        return otp(0xffd500L, 1276);
    }

    /** External flash chosen as {@code nordic,pm-ext-flash}: packed from its start. */
    public static Region externalFlash(long base, long size, String defaultDriverKconfig) {
        return Region.of("external_flash", base, size, PlacementStrategy.START_TO_END)
                .withDevice("DT_CHOSEN(nordic_pm_ext_flash)", defaultDriverKconfig);
    }

    /** RAM used as flash for the nRF5340 simultaneous network-core update. */
    public static Region ramFlash(long base, long size) {
        return Region.of("ram_flash", base, size, PlacementStrategy.START_TO_END);
    }

    /** The regions in the SDK's order ({@code sram_primary}, {@code otp}, {@code flash_primary}, ...), others last. */
    public static List<Region> inSdkOrder(List<Region> regions) {
        List<Region> sorted = new ArrayList<>(regions);
        sorted.sort(Comparator.comparingInt(r -> {
            int i = SDK_ORDER.indexOf(r.name());
            return i < 0 ? SDK_ORDER.size() : i;
        }));
        return sorted;
    }
}
