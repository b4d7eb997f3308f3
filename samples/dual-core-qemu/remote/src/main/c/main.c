/*
 * remote: the image of CPU1. It prints its greeting with the number CPU_IDENTITY gives it and a
 * product its FPU computed (the image is built with -mfloat-abi=hard: on a CPU without FPU it
 * would fault), then ends the QEMU session for both CPUs.
 */
#include <autoconf.h>
#include <stdint.h>

#include "console.h"

/* The number of the CPU that reads it. */
#define CPU_IDENTITY (*(volatile uint32_t *) 0x5001F000u)

int main(void)
{
    console_puts("cpu1: " CONFIG_REMOTE_GREETING " (CPU_IDENTITY ");
    console_puthex(CPU_IDENTITY);
    console_puts(")\r\n");
    volatile float factor = 2.5f;
    uint32_t product = (uint32_t) (factor * 4.0f);
    console_puts("cpu1: its FPU computed 2.5 * 4 = ");
    console_puthex(product);
    console_puts("\r\n");
    return product == 10u ? 0 : 1;
}
