/*
 * Board support for qemu_cortex_m3 (QEMU machine lm3s6965evb): UART0 output, semihosting
 * exit and the memory map. Each image module carries its own copy so that the module builds
 * on its own; the copies are kept identical (a test in core checks it).
 */
#ifndef BOARD_H__
#define BOARD_H__

#include <stdint.h>

/* Memory map of the LM3S6965: 256 KiB flash at 0, 64 KiB SRAM at 0x20000000. */
#define BOARD_FLASH_BASE 0x00000000u
#define BOARD_FLASH_SIZE 0x00040000u
#define BOARD_SRAM_BASE 0x20000000u
#define BOARD_SRAM_SIZE 0x00010000u

/* The image's name, defined by each image's main.c; used in fault messages. */
extern const char image_name[];

/* The image's entry point; its return value becomes the semihosting exit status. */
int main(void);

/* Writes a NUL-terminated string to UART0. */
void uart_puts(const char *text);

/* Writes a 32-bit value as 0x followed by eight hex digits. */
void uart_puthex(uint32_t value);

/* Ends the QEMU session through semihosting with the given exit status; never returns. */
void semihost_exit(int status) __attribute__((noreturn));

#endif /* BOARD_H__ */
