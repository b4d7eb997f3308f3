#include "console.h"

/* CMSDK APB UART: data, state (bit 0: transmit buffer full), control (bit 0: transmit enable)
 * and the baud rate divider (at least 16). */
#define UART_DATA 0x000u
#define UART_STATE 0x004u
#define UART_CTRL 0x008u
#define UART_BAUDDIV 0x010u
#define UART_STATE_TX_FULL (1u << 0)
#define UART_CTRL_TX_ENABLE (1u << 0)

/* ARM semihosting operations and the "application exit" reason code. */
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static uint32_t uart;

static volatile uint32_t *reg(uint32_t offset)
{
    return (volatile uint32_t *) (uart + offset);
}

void console_init(uint32_t uart_base)
{
    uart = uart_base;
    *reg(UART_BAUDDIV) = 16u;
    *reg(UART_CTRL) = UART_CTRL_TX_ENABLE;
}

static void console_putc(char c)
{
    while (*reg(UART_STATE) & UART_STATE_TX_FULL) {
    }
    *reg(UART_DATA) = (uint32_t) (unsigned char) c;
}

void console_puts(const char *text)
{
    while (*text != '\0') {
        console_putc(*text++);
    }
}

void console_puthex(uint32_t value)
{
    static const char digits[] = "0123456789abcdef";
    console_puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4) {
        console_putc(digits[(value >> shift) & 0xFu]);
    }
}

static void semihost_call(uint32_t operation, const void *argument)
{
    register uint32_t r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
}

void semihost_exit(int status)
{
    if (status == 0) {
        /* The classic call: every semihosting host maps "application exit" to success. */
        semihost_call(SYS_EXIT, (const void *) ADP_STOPPED_APPLICATION_EXIT);
    } else {
        /* The extended call carries the status; QEMU makes it its own exit status. */
        static uint32_t block[2];
        block[0] = ADP_STOPPED_APPLICATION_EXIT;
        block[1] = (uint32_t) status;
        semihost_call(SYS_EXIT_EXTENDED, block);
    }
    for (;;) {
    }
}
