/*
 * Hands the CPU to the next image of the boot chain. Shared by b0 and mcuboot; each module
 * carries its own identical copy so that it builds on its own.
 */
#ifndef CHAINLOAD_H__
#define CHAINLOAD_H__

#include <stdint.h>

/*
 * Boots the image whose vector table starts at `address`: checks the table (initial stack
 * pointer inside SRAM, reset vector a Thumb address inside flash), points VTOR at it, loads
 * MSP and jumps to its reset handler. When the table is not valid it prints why, naming
 * `next_name`, and returns a non-zero status for the caller to exit with.
 */
int chainload(uint32_t address, const char *next_name);

#endif /* CHAINLOAD_H__ */
