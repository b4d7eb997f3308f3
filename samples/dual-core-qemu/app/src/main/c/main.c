/*
 * app: the image of CPU0. It prints its greeting with the number the SSE-200 gives the CPU
 * reading CPU_IDENTITY, then starts CPU1: the address of CPU1's vector table (the start of the
 * remote image's partition in domain CPU1, PM_CPU1_REMOTE_ADDRESS in pm_config.h) goes to
 * INITSVTOR1, and clearing CPU1's bit in CPUWAIT releases it from reset. CPU1 ends the session;
 * CPU0 waits.
 */
#include <autoconf.h>
#include <pm_config.h>
#include <stdint.h>

#include "console.h"

#define REG(address) (*(volatile uint32_t *) (address))

/* SSE-200 system control element (secure alias): CPU1's initial secure vector table and the
 * bits that keep a CPU waiting after reset. */
#define SYSCTL_INITSVTOR1 REG(0x50021114u)
#define SYSCTL_CPUWAIT REG(0x50021118u)
#define CPUWAIT_CPU1 (1u << 1)

/* The number of the CPU that reads it. */
#define CPU_IDENTITY REG(0x5001F000u)

/* Status when CPU1's partition holds no vector table. */
#define APP_NO_REMOTE_IMAGE 1

int main(void)
{
    console_puts("cpu0: " CONFIG_APP_GREETING " (CPU_IDENTITY ");
    console_puthex(CPU_IDENTITY);
    console_puts(")\r\n");

    const volatile uint32_t *remote = (const volatile uint32_t *) PM_CPU1_REMOTE_ADDRESS;
    if (remote[0] == 0 || (remote[1] & 1u) == 0) {
        console_puts("cpu0: no image for CPU1 at ");
        console_puthex(PM_CPU1_REMOTE_ADDRESS);
        console_puts("\r\n");
        return APP_NO_REMOTE_IMAGE;
    }
    console_puts("cpu0: starting CPU1 at ");
    console_puthex(PM_CPU1_REMOTE_ADDRESS);
    console_puts("\r\n");
    SYSCTL_INITSVTOR1 = PM_CPU1_REMOTE_ADDRESS;
    SYSCTL_CPUWAIT &= ~CPUWAIT_CPU1;
    for (;;) {
        __asm__ volatile("wfe");
    }
}
