/*
 * Startup of the secure partition manager: the secure vector table, the reset handler (FPU for
 * the secure and the non-secure state, C environment) and a fault handler that reports what
 * the Security Extension saw (a non-secure access to secure memory ends here too).
 *
 * The symbols __stack_top__, __data_load__, __data_start__, __data_end__, __bss_start__ and
 * __bss_end__ come from the linker script that the gnu-arm toolchain driver generates for the
 * image's flash partition, linked at the secure alias.
 */
#include "console.h"
#include "mps2_tz.h"

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
    /* The board may compile with -mfloat-abi=hard: the FPU is on before any C code runs, and the
     * non-secure state may use it too. Without an FPU these bits read as zero. */
    SCB_CPACR |= CPACR_CP10_CP11_FULL;
    SCB_NSACR |= NSACR_CP10_CP11;
    __asm__ volatile("dsb\n"
                     "isb\n" ::: "memory");
    uint32_t *src = &__data_load__;
    for (uint32_t *dst = &__data_start__; dst < &__data_end__;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = &__bss_start__; dst < &__bss_end__;) {
        *dst++ = 0;
    }
    SCB_SHCSR |= SHCSR_SECUREFAULTENA;
    console_init(UART0_SECURE);
    semihost_exit(main());
}

void Fault_Handler(void)
{
    /* UART0 may belong to the non-secure state by now: print through its non-secure alias. */
    console_init(UART0_NONSECURE);
    console_puts("spm: fault: SFSR ");
    console_puthex(SCB_SFSR);
    console_puts(", SFAR ");
    console_puthex(SCB_SFAR);
    console_puts(", CFSR ");
    console_puthex(SCB_CFSR);
    console_puts("\r\n");
    semihost_exit(3);
}
