/**
 * The toolchain drivers that build an image from source ({@code gnu-arm}, {@code cmake}, {@code
 * exec}), the generated linker script, and what a driver is asked and returns.
 */
package io.multiimage.core.toolchain;
