/*
 * mcuboot: the second-stage bootloader. It prints its banner (CONFIG_MCUBOOT_BANNER, which
 * the release build type changes), checks the application in MCUboot's primary slot (its
 * header, its size against the slot, the SHA-256 of the image) and boots it from its partition
 * (PM_APP_ADDRESS, right after the header in mcuboot_pad).
 */
#include <autoconf.h>
#include <pm_config.h>

#include "board.h"
#include "chainload.h"
#include "image_check.h"

const char image_name[] = "mcuboot";

int main(void)
{
    uart_puts("mcuboot: " CONFIG_MCUBOOT_BANNER ", booting app at ");
    uart_puthex(PM_APP_ADDRESS);
    uart_puts("\r\n");
    int refused = image_check(PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_SIZE, PM_APP_ADDRESS, "mcuboot_primary",
        "app");
    if (refused) {
        return refused;
    }
    return chainload(PM_APP_ADDRESS, "app");
}
