/*
 * b0: the immutable first-stage bootloader at the start of flash. It prints its banner
 * (CONFIG_B0_BANNER), checks the second stage in slot s0 (its MCUboot header, its size against
 * the slot, the SHA-256 of the image) and boots it from the partition the partition manager gave
 * it (PM_MCUBOOT_ADDRESS, right after the header in s0_pad).
 */
#include <autoconf.h>
#include <pm_config.h>

#include "board.h"
#include "chainload.h"
#include "image_check.h"

const char image_name[] = "b0";

int main(void)
{
    uart_puts("b0: " CONFIG_B0_BANNER ", booting mcuboot at ");
    uart_puthex(PM_MCUBOOT_ADDRESS);
    uart_puts("\r\n");
    int refused = image_check(PM_S0_ADDRESS, PM_S0_SIZE, PM_MCUBOOT_ADDRESS, "s0", "mcuboot");
    if (refused) {
        return refused;
    }
    return chainload(PM_MCUBOOT_ADDRESS, "mcuboot");
}
