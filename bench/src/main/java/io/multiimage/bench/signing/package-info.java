/**
 * Benchmarks of signing and verifying images.
 */
package io.multiimage.bench.signing;
