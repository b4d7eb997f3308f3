/*
 * Startup of the non-secure application: the non-secure vector table and the reset handler.
 * The secure partition manager calls the reset handler in the non-secure state, with the
 * address of its service's gateway as the argument (a real reset never starts this image:
 * the CPU starts secure).
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

/* The non-secure view of the Coprocessor Access Control Register: the FPU for this state
 * (the secure partition manager has allowed it in NSACR). */
#define SCB_CPACR (*(volatile uint32_t *) 0xE000ED88u)
#define CPACR_CP10_CP11_FULL (0xFu << 20)

int app_main(uint32_t secure_gateway);
void Reset_Handler(uint32_t secure_gateway);
void Fault_Handler(void);

typedef void (*vector_t)(void);

/* The Cortex-M vector table: initial stack pointer, then the exception handlers. */
__attribute__((section(".isr_vector"), used)) const vector_t vector_table[16] = {
    (vector_t) &__stack_top__,
    (vector_t) Reset_Handler,
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

void Reset_Handler(uint32_t secure_gateway)
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
    console_init(UART0_NONSECURE);
    semihost_exit(app_main(secure_gateway));
}

void Fault_Handler(void)
{
    console_puts("app: unexpected exception\r\n");
    semihost_exit(3);
}
