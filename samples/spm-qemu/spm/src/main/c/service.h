/*
 * The secure partition manager's service for the non-secure application, reached through a
 * secure gateway veneer in the non-secure callable memory between __sg_start__ and __sg_end__.
 */
#ifndef SERVICE_H__
#define SERVICE_H__

#include <stdint.h>

/* CONFIG_SPM_SECURE_SERVICE_ANSWER when called from the non-secure state, else 0. */
uint32_t spm_secure_service(void) __attribute__((cmse_nonsecure_entry));

#endif /* SERVICE_H__ */
