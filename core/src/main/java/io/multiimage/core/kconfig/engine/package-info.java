/**
 * The Kconfig language (Kconfiglib 14.1.0's behaviour): parsing a Kconfig tree, loading
 * fragments, evaluation, warnings and the outputs. Depends on the JDK only.
 */
package io.multiimage.core.kconfig.engine;
