/**
 * Booting merged firmware in QEMU and reading its UART and semihosting exit.
 */
package io.multiimage.core.run;
