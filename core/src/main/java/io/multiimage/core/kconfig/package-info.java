/**
 * Configuration fragments ({@code .conf}), the symbol table conditions and strategies read, and
 * the {@code .config}/{@code autoconf.h} writers.
 */
package io.multiimage.core.kconfig;
