/* GPIO flag cells used in devicetree sources (values as in Zephyr's dt-bindings). */
#ifndef MULTIIMAGE_DT_BINDINGS_GPIO_H
#define MULTIIMAGE_DT_BINDINGS_GPIO_H

#define GPIO_ACTIVE_HIGH (0 << 0)
#define GPIO_ACTIVE_LOW (1 << 0)
#define GPIO_PULL_UP (1 << 4)
#define GPIO_PULL_DOWN (1 << 5)

#endif
