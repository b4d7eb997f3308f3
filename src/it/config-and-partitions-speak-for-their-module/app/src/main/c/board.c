/*
 * Startup code for qemu_cortex_m3: the vector table, the reset handler that prepares the C
 * environment, a fault handler that reports instead of hanging, UART0 and semihosting.
 *
 * The symbols __stack_top__, __data_load__, __data_start__, __data_end__, __bss_start__ and
 * __bss_end__ come from the linker script that the gnu-arm toolchain driver generates for the
 * image's flash partition.
 */
#include "board.h"

extern uint32_t __stack_top__;
extern uint32_t __data_load__;
extern uint32_t __data_start__;
extern uint32_t __data_end__;
extern uint32_t __bss_start__;
extern uint32_t __bss_end__;

/* Stellaris UART0 (a PL011): data and flag registers, transmit-FIFO-full flag, control. */
#define UART0_BASE 0x4000C000u
#define UART_DR (*(volatile uint32_t *) (UART0_BASE + 0x000u))
#define UART_FR (*(volatile uint32_t *) (UART0_BASE + 0x018u))
#define UART_CTL (*(volatile uint32_t *) (UART0_BASE + 0x030u))
#define UART_FR_TXFF (1u << 5)
#define UART_CTL_ENABLE_TX (1u << 0 | 1u << 8)

/* ARM semihosting operations and the "application exit" reason code. */
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

void Reset_Handler(void);
void Fault_Handler(void);

typedef void (*vector_t)(void);

/* The Cortex-M vector table: initial stack pointer, then the exception handlers. */
__attribute__((section(".isr_vector"), used)) const vector_t vector_table[16] = {
    (vector_t) &__stack_top__,
    Reset_Handler,
    Fault_Handler, /* NMI */
    Fault_Handler, /* HardFault */
    Fault_Handler, /* MemManage */
    Fault_Handler, /* BusFault */
    Fault_Handler, /* UsageFault */
    0, 0, 0, 0,
    Fault_Handler, /* SVCall */
    Fault_Handler, /* DebugMonitor */
    0,
    Fault_Handler, /* PendSV */
    Fault_Handler, /* SysTick */
};

void Reset_Handler(void)
{
    uint32_t *src = &__data_load__;
    for (uint32_t *dst = &__data_start__; dst < &__data_end__;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = &__bss_start__; dst < &__bss_end__;) {
        *dst++ = 0;
    }
    UART_CTL = UART_CTL_ENABLE_TX;
    semihost_exit(main());
}

void Fault_Handler(void)
{
    uart_puts(image_name);
    uart_puts(": unexpected exception\r\n");
    semihost_exit(3);
}

static void uart_putc(char c)
{
    while (UART_FR & UART_FR_TXFF) {
    }
    UART_DR = (uint32_t) (unsigned char) c;
}

void uart_puts(const char *text)
{
    while (*text != '\0') {
        uart_putc(*text++);
    }
}

void uart_puthex(uint32_t value)
{
    static const char digits[] = "0123456789abcdef";
    uart_puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4) {
        uart_putc(digits[(value >> shift) & 0xFu]);
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
