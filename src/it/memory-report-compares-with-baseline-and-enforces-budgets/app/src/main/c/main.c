/*
 * The application: a vector table and a reset handler. Built with -DGROWN (profile grown) it
 * gains a 1 KiB table in flash and 64 counters in RAM, which the memory report shows as deltas.
 */
typedef void (*vector_t)(void);
extern unsigned int __stack_top__;

#ifdef GROWN
static const unsigned char table[1024] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static unsigned int counters[64];
#endif

void Reset_Handler(void)
{
    for (;;) {
#ifdef GROWN
        counters[table[counters[0] & 1023] & 63]++;
#endif
    }
}

__attribute__((section(".isr_vector"), used)) const vector_t vector_table[2] = {
    (vector_t) &__stack_top__,
    Reset_Handler,
};
