/**
 * Benchmarks of HEX parsing, merging and writing against srec_cat.
 */
package io.multiimage.bench.hex;
