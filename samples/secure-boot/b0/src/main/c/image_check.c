#include "image_check.h"

#include "board.h"
#include "sha256.h"

/* MCUboot's image format (bootutil/image.h): header magic, TLV area magics, the SHA256 TLV. */
#define IMAGE_MAGIC 0x96f3b83du
#define IMAGE_HEADER_FIELDS 32u
#define TLV_INFO_MAGIC 0x6907u
#define TLV_PROTECTED_INFO_MAGIC 0x6908u
#define TLV_INFO_SIZE 4u
#define TLV_SHA256 0x10u

#define IMAGE_CHECK_REFUSED 2

static uint32_t read16(uint32_t address)
{
    const volatile uint8_t *p = (const volatile uint8_t *) address;
    return (uint32_t) p[0] | (uint32_t) p[1] << 8;
}

static uint32_t read32(uint32_t address)
{
    return read16(address) | read16(address + 2u) << 16;
}

static void refuse_start(uint32_t slot_address, const char *slot_name, const char *next_name)
{
    uart_puts(image_name);
    uart_puts(": refusing ");
    uart_puts(next_name);
    uart_puts(" in ");
    uart_puts(slot_name);
    uart_puts(" at ");
    uart_puthex(slot_address);
    uart_puts(": ");
}

static void put_hex_bytes(const volatile uint8_t *bytes, int count)
{
    static const char digits[] = "0123456789abcdef";
    char text[3] = {0, 0, 0};
    for (int i = 0; i < count; i++) {
        text[0] = digits[bytes[i] >> 4];
        text[1] = digits[bytes[i] & 0xFu];
        uart_puts(text);
    }
}

int image_check(uint32_t slot_address, uint32_t slot_size, uint32_t entry_address, const char *slot_name,
    const char *next_name)
{
    uint32_t magic = read32(slot_address);
    if (magic != IMAGE_MAGIC) {
        refuse_start(slot_address, slot_name, next_name);
        uart_puts("no MCUboot header (magic ");
        uart_puthex(magic);
        uart_puts(", expected 0x96f3b83d)\r\n");
        return IMAGE_CHECK_REFUSED;
    }
    uint32_t header_size = read16(slot_address + 8u);
    uint32_t protected_size = read16(slot_address + 10u);
    uint32_t image_size = read32(slot_address + 12u);
    if (header_size < IMAGE_HEADER_FIELDS || slot_address + header_size != entry_address) {
        refuse_start(slot_address, slot_name, next_name);
        uart_puts("the header is ");
        uart_puthex(header_size);
        uart_puts(" bytes, so the image would start at ");
        uart_puthex(slot_address + header_size);
        uart_puts(", not at ");
        uart_puthex(entry_address);
        uart_puts("\r\n");
        return IMAGE_CHECK_REFUSED;
    }
    /* Header, image and protected TLVs are hashed; the TLV area with the hash follows them. */
    uint32_t hashed = header_size + image_size + protected_size;
    if (image_size >= slot_size || hashed + TLV_INFO_SIZE > slot_size) {
        refuse_start(slot_address, slot_name, next_name);
        uart_puts("the image is ");
        uart_puthex(image_size);
        uart_puts(" bytes, more than its slot of ");
        uart_puthex(slot_size);
        uart_puts(" bytes holds with header and TLVs\r\n");
        return IMAGE_CHECK_REFUSED;
    }
    if (protected_size != 0 && read16(slot_address + header_size + image_size) != TLV_PROTECTED_INFO_MAGIC) {
        refuse_start(slot_address, slot_name, next_name);
        uart_puts("the protected TLV area has no valid magic\r\n");
        return IMAGE_CHECK_REFUSED;
    }
    uint32_t tlv_info = slot_address + hashed;
    uint32_t tlv_total = read16(tlv_info + 2u);
    if (read16(tlv_info) != TLV_INFO_MAGIC || hashed + tlv_total > slot_size || tlv_total < TLV_INFO_SIZE) {
        refuse_start(slot_address, slot_name, next_name);
        uart_puts("no valid TLV area after the image (at ");
        uart_puthex(tlv_info);
        uart_puts(")\r\n");
        return IMAGE_CHECK_REFUSED;
    }
    const volatile uint8_t *stored = 0;
    for (uint32_t tlv = tlv_info + TLV_INFO_SIZE; tlv + 4u <= tlv_info + tlv_total;) {
        uint32_t type = read16(tlv);
        uint32_t length = read16(tlv + 2u);
        if (type == TLV_SHA256 && length == SHA256_DIGEST_SIZE) {
            stored = (const volatile uint8_t *) (tlv + 4u);
            break;
        }
        tlv += 4u + length;
    }
    if (stored == 0) {
        refuse_start(slot_address, slot_name, next_name);
        uart_puts("the image has no SHA256 TLV\r\n");
        return IMAGE_CHECK_REFUSED;
    }
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256((const volatile uint8_t *) slot_address, hashed, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
        if (digest[i] != stored[i]) {
            refuse_start(slot_address, slot_name, next_name);
            uart_puts("SHA-256 mismatch: the image hashes to ");
            put_hex_bytes(digest, 8);
            uart_puts("..., its SHA256 TLV says ");
            put_hex_bytes(stored, 8);
            uart_puts("...\r\n");
            return IMAGE_CHECK_REFUSED;
        }
    }
    uart_puts(image_name);
    uart_puts(": ");
    uart_puts(next_name);
    uart_puts(" in ");
    uart_puts(slot_name);
    uart_puts(" verified (SHA-256 ");
    put_hex_bytes(digest, 8);
    uart_puts("...)\r\n");
    return 0;
}
