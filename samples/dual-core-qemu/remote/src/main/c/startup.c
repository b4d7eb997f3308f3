/*
 * Startup of CPU1's image (Cortex-M33 with FPU, hard float): the vector table, the reset
 * handler that turns the FPU on and prepares the C environment, and a fault handler. CPU1
 * starts in the secure state once CPU0 has released it, from the table CPU0 wrote to
 * INITSVTOR1.
 *
 * The board is built with -mfloat-abi=hard, so the compiler may use FPU registers anywhere
 * (even in library code): the FPU is enabled (CPACR) before any C code runs.
 */
#include <stdint.h>

#include "console.h"

extern uint32_t __stack_top__;
extern uint32_t __data_load__;
extern uint32_t __data_start__;
extern uint32_t __data_end__;
extern uint32_t __bss_start__;
extern uint32_t __bss_end__;

/* Coprocessor Access Control Register: full access to CP10 and CP11 (the FPU). */
#define SCB_CPACR (*(volatile uint32_t *) 0xE000ED88u)
#define CPACR_CP10_CP11_FULL (0xFu << 20)

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
    SCB_CPACR |= CPACR_CP10_CP11_FULL;
    __asm__ volatile("dsb\n"
                     "isb\n" ::: "memory");
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
    console_puts("cpu1: unexpected exception\r\n");
    semihost_exit(3);
}
