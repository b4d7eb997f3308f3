/*
 * A bootloader placed by CONFIG_FLASH_LOAD_OFFSET, outside the partition manager: it has no
 * pm_config.h, so the address of the image it starts is a symbol of its own configuration.
 */
#include <autoconf.h>
#include <stdint.h>

#define STRINGIFY2(x) #x
#define STRINGIFY(x) STRINGIFY2(x)

/* Stellaris UART0 (a PL011) and the Cortex-M vector table offset register. */
#define UART_DR (*(volatile uint32_t *) 0x4000C000u)
#define UART_FR (*(volatile uint32_t *) 0x4000C018u)
#define UART_CTL (*(volatile uint32_t *) 0x4000C030u)
#define UART_FR_TXFF (1u << 5)
#define SCB_VTOR (*(volatile uint32_t *) 0xE000ED08u)

typedef void (*vector_t)(void);
extern uint32_t __stack_top__;

static void uart_puts(const char *text)
{
    UART_CTL = 1u << 0 | 1u << 8;
    while (*text != '\0') {
        while (UART_FR & UART_FR_TXFF) {
        }
        UART_DR = (uint32_t) (unsigned char) *text++;
    }
}

void Reset_Handler(void)
{
    const volatile uint32_t *next = (const volatile uint32_t *) CONFIG_BOOT_NEXT_IMAGE_ADDRESS;
    uart_puts("boot: at " STRINGIFY(CONFIG_FLASH_LOAD_OFFSET) ", starting the image at "
              STRINGIFY(CONFIG_BOOT_NEXT_IMAGE_ADDRESS) "\r\n");
    SCB_VTOR = (uint32_t) CONFIG_BOOT_NEXT_IMAGE_ADDRESS;
    __asm__ volatile("msr msp, %0\n"
                     "dsb\n"
                     "isb\n"
                     "bx %1\n"
                     :
                     : "r"(next[0]), "r"(next[1])
                     : "memory");
    for (;;) {
    }
}

__attribute__((section(".isr_vector"), used)) const vector_t vector_table[2] = {
    (vector_t) &__stack_top__,
    Reset_Handler,
};
