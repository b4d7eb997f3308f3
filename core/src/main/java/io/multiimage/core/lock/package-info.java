/**
 * What a released layout promises: {@code layout.lock} (immutable partitions, pads, slots, flash
 * geometry, the signing key's fingerprint) compared with a new layout as a before/after table, and
 * the {@code image-layout.txt} a prebuilt image is published with (its partition and the addresses
 * it boots), checked against the layout of the product that consumes it.
 */
package io.multiimage.core.lock;
