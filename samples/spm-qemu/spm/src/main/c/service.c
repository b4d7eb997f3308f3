/*
 * The secure service. It lives in a file of its own: a reference to spm_secure_service from
 * another file resolves to its gateway veneer, the address the application must call.
 */
#include <arm_cmse.h>
#include <autoconf.h>

#include "service.h"

uint32_t spm_secure_service(void)
{
    /* cmse_nonsecure_caller() is true only when the call came from the non-secure state through
     * the gateway: a secure caller (an application that was never switched) gets 0. */
    return cmse_nonsecure_caller() ? CONFIG_SPM_SECURE_SERVICE_ANSWER : 0u;
}
