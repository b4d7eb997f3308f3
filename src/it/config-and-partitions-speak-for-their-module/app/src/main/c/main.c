/*
 * app: the application at the end of the boot chain. It prints its greeting
 * (CONFIG_APP_GREETING) and ends the QEMU session with exit status 0.
 */
#include <autoconf.h>

#include "board.h"

const char image_name[] = "app";

int main(void)
{
    uart_puts("app: " CONFIG_APP_GREETING "\r\n");
    return 0;
}
