/*
 * Checks an image in MCUboot's format before it is booted: the header magic, the header size
 * (the next image must start right after the header), the image with its TLVs against the size
 * of its slot, and the SHA-256 of header, image and protected TLVs against the image's SHA256
 * TLV. Shared by b0 (which checks mcuboot in slot s0) and mcuboot (which checks the application
 * in mcuboot_primary); each module carries its own identical copy.
 */
#ifndef IMAGE_CHECK_H__
#define IMAGE_CHECK_H__

#include <stdint.h>

/*
 * Checks the image `next_name` in the slot `slot_name` at `slot_address` of `slot_size` bytes,
 * whose code must start at `entry_address`. Returns 0 when it may be booted; otherwise prints on
 * the UART why it refuses ("<image>: refusing <next> in <slot> at <address>: <reason>") and returns
 * a non-zero status for the caller to exit with.
 */
int image_check(uint32_t slot_address, uint32_t slot_size, uint32_t entry_address, const char *slot_name,
    const char *next_name);

#endif /* IMAGE_CHECK_H__ */
