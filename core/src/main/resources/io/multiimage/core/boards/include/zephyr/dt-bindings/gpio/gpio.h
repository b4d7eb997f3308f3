/* Zephyr 3.x spelling of <dt-bindings/gpio/gpio.h>. */
#include <dt-bindings/gpio/gpio.h>
