/**
 * {@code bin/multiimage-core}: the core's command line ({@code config}, {@code dts}, {@code
 * kconfig}).
 */
package io.multiimage.core.cli;
