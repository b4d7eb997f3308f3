/**
 * {@code bin/hexformat}: the command line over the library ({@code merge}, {@code convert},
 * {@code info}).
 */
package io.multiimage.hex.cli;
