/*
 * Startup of CPU0's image (Cortex-M33 without FPU, soft float): the vector table, the reset
 * handler that prepares the C environment and a fault handler that reports instead of hanging.
 * CPU0 starts from reset in the secure state with this table at 0x10000000.
 *
 * The symbols __stack_top__, __data_load__, __data_start__, __data_end__, __bss_start__ and
 * __bss_end__ come from the linker script that the gnu-arm toolchain driver generates for the
 * image's flash partition.
 */
#include <stdint.h>

#include "console.h"

extern uint32_t __stack_top__;
extern uint32_t __data_load__;
extern uint32_t __data_start__;
extern uint32_t __data_end__;
extern uint32_t __bss_start__;
extern uint32_t __bss_end__;

int main(void);
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
    Fault_Handler, /* SecureFault */
    0, 0, 0,
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
    console_init(UART0_SECURE);
    semihost_exit(main());
}

void Fault_Handler(void)
{
    console_puts("cpu0: unexpected exception\r\n");
    semihost_exit(3);
}
