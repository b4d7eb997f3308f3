/* An application placed by CONFIG_FLASH_LOAD_OFFSET: says where it runs, then ends QEMU cleanly. */
#include <autoconf.h>
#include <stdint.h>

#define STRINGIFY2(x) #x
#define STRINGIFY(x) STRINGIFY2(x)

#define UART_DR (*(volatile uint32_t *) 0x4000C000u)
#define UART_FR (*(volatile uint32_t *) 0x4000C018u)
#define UART_CTL (*(volatile uint32_t *) 0x4000C030u)
#define UART_FR_TXFF (1u << 5)

/* ARM semihosting: SYS_EXIT with "application exit", which QEMU maps to exit status 0. */
#define SYS_EXIT 0x18u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

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
    uart_puts("app: running at " STRINGIFY(CONFIG_FLASH_LOAD_OFFSET) "\r\n");
    register uint32_t r0 __asm__("r0") = SYS_EXIT;
    register uint32_t r1 __asm__("r1") = ADP_STOPPED_APPLICATION_EXIT;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    for (;;) {
    }
}

__attribute__((section(".isr_vector"), used)) const vector_t vector_table[2] = {
    (vector_t) &__stack_top__,
    Reset_Handler,
};
