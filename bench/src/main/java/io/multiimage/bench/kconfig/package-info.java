/**
 * A generated Zephyr-sized Kconfig tree and the benchmark of the engine against Kconfiglib.
 */
package io.multiimage.bench.kconfig;
