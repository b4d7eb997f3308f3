/*
 * b0: the immutable first-stage bootloader at the start of flash. It prints its banner
 * (CONFIG_B0_BANNER) and boots mcuboot from the partition the partition manager gave it (PM_MCUBOOT_ADDRESS).
 */
#include <autoconf.h>
#include <pm_config.h>

#include "board.h"
#include "chainload.h"

const char image_name[] = "b0";

int main(void)
{
    uart_puts("b0: " CONFIG_B0_BANNER ", booting mcuboot at ");
    uart_puthex(PM_MCUBOOT_ADDRESS);
    uart_puts("\r\n");
    return chainload(PM_MCUBOOT_ADDRESS, "mcuboot");
}
