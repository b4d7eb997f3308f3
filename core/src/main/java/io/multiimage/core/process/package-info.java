/**
 * Running operating-system processes for the {@code ProcessLauncher} port: argument lists,
 * timeouts, output streamed and tailed, descendants killed on interrupt.
 */
package io.multiimage.core.process;
