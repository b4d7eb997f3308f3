/*
 * mcuboot: a bootloader released on its own and consumed by applications as a prebuilt HEX.
 * It prints its banner (CONFIG_MCUBOOT_BANNER) and boots the application from the slot of
 * the static layout it is built for (PM_MCUBOOT_PRIMARY_ADDRESS, from pm_static.yml).
 */
#include <autoconf.h>
#include <pm_config.h>

#include "board.h"
#include "chainload.h"

const char image_name[] = "mcuboot";

int main(void)
{
    uart_puts("mcuboot: " CONFIG_MCUBOOT_BANNER ", booting app at ");
    uart_puthex(PM_MCUBOOT_PRIMARY_ADDRESS);
    uart_puts("\r\n");
    return chainload(PM_MCUBOOT_PRIMARY_ADDRESS, "app");
}
