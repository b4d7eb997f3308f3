/**
 * Benchmarks of the partition manager.
 */
package io.multiimage.bench.partition;
