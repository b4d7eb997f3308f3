/*
 * app: the non-secure application. It prints its greeting (CONFIG_APP_GREETING), then calls
 * the secure partition manager's service through the gateway whose address spm handed over.
 * The service answers only a non-secure caller: the answer shows that this image runs in the
 * non-secure state, and that spm made the gateway non-secure callable (otherwise the call
 * ends in spm's fault handler). Exit status 0 when the answer came.
 */
#include <autoconf.h>
#include <stdint.h>

#include "console.h"

/* Status when the secure service did not see a non-secure caller. */
#define APP_NOT_NONSECURE 1

int app_main(uint32_t secure_gateway)
{
    console_puts("app: " CONFIG_APP_GREETING "\r\n");
    uint32_t (*secure_service)(void) = (uint32_t (*)(void)) secure_gateway;
    uint32_t answer = secure_service();
    console_puts("app: the secure service answered ");
    console_puthex(answer);
    console_puts(answer != 0 ? " to this non-secure caller\r\n" : ": it did not see a non-secure caller\r\n");
    return answer != 0 ? 0 : APP_NOT_NONSECURE;
}
