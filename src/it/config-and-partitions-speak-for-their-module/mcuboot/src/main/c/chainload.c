#include "chainload.h"

#include "board.h"

/* Cortex-M System Control Block: Vector Table Offset Register. */
#define SCB_VTOR (*(volatile uint32_t *) 0xE000ED08u)

/* Status returned when the next image cannot be booted. */
#define CHAINLOAD_INVALID_IMAGE 1

static int stack_pointer_valid(uint32_t sp)
{
    /* The initial SP is the top of a stack: above SRAM's start, at most SRAM's end, aligned. */
    return sp > BOARD_SRAM_BASE && sp <= BOARD_SRAM_BASE + BOARD_SRAM_SIZE && (sp & 3u) == 0;
}

static int reset_vector_valid(uint32_t reset)
{
    /* Cortex-M runs Thumb code only: bit 0 of a branch target must be set. */
    /* Unsigned wrap-around makes one comparison check both ends of flash. */
    uint32_t target = reset & ~1u;
    return (reset & 1u) == 1u && target - BOARD_FLASH_BASE < BOARD_FLASH_SIZE;
}

static void report_invalid(uint32_t address, const char *next_name, uint32_t sp, uint32_t reset)
{
    uart_puts(image_name);
    uart_puts(": no valid ");
    uart_puts(next_name);
    uart_puts(" image at ");
    uart_puthex(address);
    uart_puts(" (initial SP ");
    uart_puthex(sp);
    uart_puts(", reset vector ");
    uart_puthex(reset);
    uart_puts(")\r\n");
}

int chainload(uint32_t address, const char *next_name)
{
    if (address - BOARD_FLASH_BASE > BOARD_FLASH_SIZE - 8u || (address & 0x7Fu) != 0) {
        /* VTOR needs a 128-byte aligned table, and the table must lie in flash. */
        report_invalid(address, next_name, 0, 0);
        return CHAINLOAD_INVALID_IMAGE;
    }
    const volatile uint32_t *table = (const volatile uint32_t *) address;
    uint32_t sp = table[0];
    uint32_t reset = table[1];
    if (!stack_pointer_valid(sp) || !reset_vector_valid(reset)) {
        report_invalid(address, next_name, sp, reset);
        return CHAINLOAD_INVALID_IMAGE;
    }
    SCB_VTOR = address;
    __asm__ volatile(
        "msr msp, %0\n"
        "dsb\n"
        "isb\n"
        "bx %1\n"
        :
        : "r"(sp), "r"(reset)
        : "memory");
    /* Not reached: the next image owns the CPU now. */
    return CHAINLOAD_INVALID_IMAGE;
}
