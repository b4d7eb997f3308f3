/*
 * mcuboot: the second-stage bootloader. It prints its banner (CONFIG_MCUBOOT_BANNER, which
 * the release build type changes) and boots the application from its partition
 * (PM_APP_ADDRESS).
 */
#include <autoconf.h>
#include <pm_config.h>

#include "board.h"
#include "chainload.h"

const char image_name[] = "mcuboot";

int main(void)
{
    uart_puts("mcuboot: " CONFIG_MCUBOOT_BANNER ", booting app at ");
    uart_puthex(PM_APP_ADDRESS);
    uart_puts("\r\n");
    return chainload(PM_APP_ADDRESS, "app");
}
