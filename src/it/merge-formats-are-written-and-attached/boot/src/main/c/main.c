/* The smallest image that links: a vector table whose reset handler parks the CPU. */
#include <autoconf.h>
#include <pm_config.h>

typedef void (*vector_t)(void);
extern unsigned int __stack_top__;

void Reset_Handler(void)
{
    for (;;) {
    }
}

__attribute__((section(".isr_vector"), used)) const vector_t vector_table[2] = {
    (vector_t) &__stack_top__,
    Reset_Handler,
};
