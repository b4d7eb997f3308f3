package io.multiimage.signing.dfu;

import io.multiimage.signing.ImageVersion;
import java.util.List;
import java.util.Objects;

/**
 * {@code dfu_application.zip} with the manifest fields the nRF Connect SDK writes, as its
 * {@code modules/mcuboot/CMakeLists.txt} passes them to {@code generate_zip.py} through
 * {@code cmake/fw_zip.cmake} ({@code generate_dfu_zip}):
 *
 * <ul>
 *   <li>application only — shared {@code load_address} (the application's link address,
 *       {@code PM_APP_ADDRESS}, a number), {@code version_MCUBOOT}, {@code type}
 *       ({@code application}), {@code board}, {@code soc};</li>
 *   <li>application and network core (nRF5340) — shared {@code type}, {@code board},
 *       {@code soc}; {@code app_update.bin} adds {@code load_address}, {@code image_index} "0",
 *       {@code slot_index_primary} "1", {@code slot_index_secondary} "2",
 *       {@code version_MCUBOOT}; {@code net_core_app_update.bin} adds {@code image_index} "1",
 *       {@code slot_index_primary} "3", {@code slot_index_secondary} "4",
 *       {@code load_address} (the network core's {@code PM_APP_ADDRESS}), and its own
 *       {@code board}, {@code version} and {@code soc}.</li>
 * </ul>
 * Index values are strings, addresses numbers, as generate_zip.py produces them.
 */
public final class NcsDfu {

    /** The NCS file name of the application update. */
    public static final String APP_UPDATE = "app_update.bin";
    /** The NCS file name of the network core update. */
    public static final String NET_CORE_UPDATE = "net_core_app_update.bin";

    private NcsDfu() {}

    /**
     * An update binary and where its image is linked.
     *
     * @param updateBin   the signed binary ({@code <prefix>_update.bin})
     * @param loadAddress the image's link address (after the MCUboot header): {@code PM_APP_ADDRESS}
     */
    public record Image(byte[] updateBin, long loadAddress) {
        /** Checks the bytes are present. */
        public Image {
            Objects.requireNonNull(updateBin, "updateBin");
        }
    }

    /**
     * The application-only package.
     *
     * @param board     the board ({@code CONFIG_BOARD})
     * @param soc       the SoC ({@code CONFIG_SOC})
     * @param timestamp seconds since 1970 for {@code time}, {@code modtime} and the zip entries
     */
    public static DfuPackage application(Image app, ImageVersion version, String board, String soc, long timestamp) {
        return DfuPackage.builder()
                .timestamp(timestamp)
                .shared(ManifestField.number("load_address", app.loadAddress()))
                .shared(ManifestField.text("version_MCUBOOT", version.toString()))
                .shared(ManifestField.text("type", "application"))
                .shared(ManifestField.text("board", board))
                .shared(ManifestField.text("soc", soc))
                .file(APP_UPDATE, app.updateBin(), List.of())
                .build();
    }

    /**
     * The application and network core package (nRF5340 multi-image update).
     *
     * @param netBoard   the network core's board ({@code CONFIG_DOMAIN_CPUNET_BOARD})
     * @param netSoc     the network core's SoC
     * @param netVersion the network core image's version as NCS records it
     */
    public static DfuPackage applicationAndNetworkCore(
            Image app,
            ImageVersion version,
            Image net,
            String netBoard,
            String netSoc,
            String netVersion,
            String board,
            String soc,
            long timestamp) {
        return DfuPackage.builder()
                .timestamp(timestamp)
                .shared(ManifestField.text("type", "application"))
                .shared(ManifestField.text("board", board))
                .shared(ManifestField.text("soc", soc))
                .file(
                        APP_UPDATE,
                        app.updateBin(),
                        List.of(
                                ManifestField.number("load_address", app.loadAddress()),
                                ManifestField.text("image_index", "0"),
                                ManifestField.text("slot_index_primary", "1"),
                                ManifestField.text("slot_index_secondary", "2"),
                                ManifestField.text("version_MCUBOOT", version.toString())))
                .file(
                        NET_CORE_UPDATE,
                        net.updateBin(),
                        List.of(
                                ManifestField.text("image_index", "1"),
                                ManifestField.text("slot_index_primary", "3"),
                                ManifestField.text("slot_index_secondary", "4"),
                                ManifestField.number("load_address", net.loadAddress()),
                                ManifestField.text("board", netBoard),
                                ManifestField.text("version", netVersion),
                                ManifestField.text("soc", netSoc)))
                .build();
    }
}
