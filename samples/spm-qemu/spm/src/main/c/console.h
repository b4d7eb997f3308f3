/*
 * Console of the MPS2 TrustZone boards: UART0 (a CMSDK APB UART) and the semihosting exit that
 * ends the QEMU session. Each image module carries an identical copy so that it builds on its
 * own (a test in core checks the copies); each passes the UART0 address of its own view.
 */
#ifndef CONSOLE_H__
#define CONSOLE_H__

#include <stdint.h>

/* UART0 through the non-secure and through the secure alias of the peripherals. */
#define UART0_NONSECURE 0x40200000u
#define UART0_SECURE 0x50200000u

/* Turns on the transmitter of the UART at uart_base and prints through it from now on. */
void console_init(uint32_t uart_base);

/* Writes a NUL-terminated string. */
void console_puts(const char *text);

/* Writes a 32-bit value as 0x followed by eight hex digits. */
void console_puthex(uint32_t value);

/* Ends the QEMU session through semihosting with the given exit status; never returns. */
void semihost_exit(int status) __attribute__((noreturn));

#endif /* CONSOLE_H__ */
