/**
 * The bridge between the partition manager's layouts and Zephyr's devicetree partitions: a
 * layout exported as one devicetree overlay per image ({@link DevicetreeExporter}), and a
 * devicetree partition table imported as a static layout, the text of {@code pm_static.yml}
 * ({@link DevicetreeImporter}). Uses the devicetree package and the partition library; see
 * docs/devicetree-bridge.md.
 */
package io.multiimage.core.bridge;
