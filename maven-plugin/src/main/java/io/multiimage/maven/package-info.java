/**
 * The Maven goals ({@code firmware:build}, {@code run}, {@code config}, {@code partitions}, ...):
 * thin adapters from Maven's world to one call into core each, and the one place where core's
 * failures become Maven's.
 */
package io.multiimage.maven;
