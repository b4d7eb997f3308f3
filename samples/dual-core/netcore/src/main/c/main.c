/*
 * netcore: the network core image. The application core releases this core from reset after
 * handing it one LED pin; it blinks that LED.
 */
#include <autoconf.h>
#include <stdint.h>

/* GPIO port P0 as the network core sees it. */
#define P0_BASE 0x418C0500u
#define P0_OUT (*(volatile uint32_t *) (P0_BASE + 0x004u))
#define P0_OUTSET (*(volatile uint32_t *) (P0_BASE + 0x008u))
#define P0_OUTCLR (*(volatile uint32_t *) (P0_BASE + 0x00Cu))
#define P0_DIRSET (*(volatile uint32_t *) (P0_BASE + 0x018u))

static void delay(uint32_t loops)
{
    for (volatile uint32_t i = 0; i < loops; i++) {
    }
}

int main(void)
{
    const uint32_t led = 1u << CONFIG_NETCORE_LED_PIN;

    P0_DIRSET = led;
    for (;;) {
        if (P0_OUT & led) {
            P0_OUTCLR = led;
        } else {
            P0_OUTSET = led;
        }
        delay(CONFIG_NETCORE_BLINK_LOOPS);
    }
}
