/*
 * SHA-256 (FIPS 180-4), small and slow enough for a bootloader: one block at a time, no
 * tables besides the round constants. Shared by b0 and mcuboot; each module carries its own
 * identical copy so that it builds on its own.
 */
#ifndef SHA256_H__
#define SHA256_H__

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32

/* Writes the SHA-256 of the `length` bytes at `data` to `digest`. */
void sha256(const volatile uint8_t *data, size_t length, uint8_t digest[SHA256_DIGEST_SIZE]);

#endif /* SHA256_H__ */
