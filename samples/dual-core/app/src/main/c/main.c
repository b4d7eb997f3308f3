/*
 * app: the application core. It hands one LED pin to the network core, releases the network
 * core from reset (it then boots the image at the start of its own flash, 0x01000000, where
 * the partition manager placed netcore) and blinks its own LED.
 */
#include <autoconf.h>
#include <pm_config.h>
#include <stdint.h>

/* The CPUNET domain's layout is visible here with the PM_CPUNET_ prefix. */
#if PM_CPUNET_NETCORE_ADDRESS != 0x01000000
#error "the network core boots from the start of its flash: netcore must be placed at 0x01000000"
#endif

/* GPIO port P0 (secure alias): OUTSET, OUTCLR, DIRSET and the pin configurations. */
#define P0_BASE 0x50842500u
#define P0_OUT (*(volatile uint32_t *) (P0_BASE + 0x004u))
#define P0_OUTSET (*(volatile uint32_t *) (P0_BASE + 0x008u))
#define P0_OUTCLR (*(volatile uint32_t *) (P0_BASE + 0x00Cu))
#define P0_DIRSET (*(volatile uint32_t *) (P0_BASE + 0x018u))
#define P0_PIN_CNF(pin) (*(volatile uint32_t *) (P0_BASE + 0x200u + 4u * (pin)))
#define PIN_CNF_MCUSEL_NETWORK (1u << 28)

/* RESET peripheral (secure alias): holds the network core in reset while FORCEOFF is 1. */
#define RESET_BASE 0x50005000u
#define RESET_NETWORK_FORCEOFF (*(volatile uint32_t *) (RESET_BASE + 0x614u))

static void delay(uint32_t loops)
{
    for (volatile uint32_t i = 0; i < loops; i++) {
    }
}

int main(void)
{
    const uint32_t led = 1u << CONFIG_APP_LED_PIN;

    /* The network core may only drive pins the application core assigns to it. */
    P0_PIN_CNF(CONFIG_APP_NETCORE_LED_PIN) = PIN_CNF_MCUSEL_NETWORK;
    RESET_NETWORK_FORCEOFF = 0;

    P0_DIRSET = led;
    for (;;) {
        if (P0_OUT & led) {
            P0_OUTCLR = led;
        } else {
            P0_OUTSET = led;
        }
        delay(CONFIG_APP_BLINK_LOOPS);
    }
}
