/* Zephyr 3.x spelling of <dt-bindings/pinctrl/nrf-pinctrl.h>. */
#include <dt-bindings/pinctrl/nrf-pinctrl.h>
