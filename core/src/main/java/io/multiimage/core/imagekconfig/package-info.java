/**
 * An image's Kconfig tree in the build: its root ({@code Kconfig} in the image directory,
 * {@code <kconfigRoot>}, {@code KCONFIG_ROOT}), the environment the tree reads, the engine as the
 * image's configuration resolver with its {@code .state/kconfig-<img>} record, warnings with
 * file and line (errors when strict), the shipped build-strategy template, sessions for the
 * configuration interfaces and Kconfig targets such as {@code savedefconfig}.
 */
package io.multiimage.core.imagekconfig;
