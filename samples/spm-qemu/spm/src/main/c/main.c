/*
 * spm: the secure partition manager. It runs first, in the secure state, and:
 *  1. leaves its own partitions (spm, spm_sram) secure and makes the application's (app,
 *     sram_primary) non-secure: in the Memory Protection Controllers of the SSRAMs and in the
 *     Security Attribution Unit, with the peripherals' non-secure alias;
 *  2. marks the veneer of its service non-secure callable;
 *  3. hands UART0 to the non-secure state;
 *  4. sets the non-secure vector table (VTOR_NS) and stack pointer (MSP_NS) from the
 *     application's vector table and calls its reset handler in the non-secure state (BLXNS),
 *     with the address of the service's gateway veneer as argument.
 *
 * The partitions come from pm_config.h, in the addresses of the non-secure application's
 * layout; this image itself runs 0x10000000 higher, at the secure alias of the same memory.
 */
#include <arm_cmse.h>
#include <autoconf.h>
#include <pm_config.h>

#include "console.h"
#include "mps2_tz.h"
#include "service.h"

/* Start and end of the secure gateway veneers (linker script). */
extern char __sg_start__[];
extern char __sg_end__[];

/* The application's reset handler as the secure state calls it: BLXNS, registers cleared. */
typedef void __attribute__((cmse_nonsecure_call)) nonsecure_reset_t(uint32_t gateway);

/* Status when the application's partition cannot be started. */
#define SPM_CANNOT_START 1
#define SPM_MISALIGNED 2

/* Makes the part of [start, end) inside one SSRAM non-secure in that SSRAM's MPC. */
static int mpc_make_nonsecure(uint32_t mpc, uint32_t ssram_base, uint32_t ssram_size, uint32_t start,
                              uint32_t end)
{
    if (end <= ssram_base || start >= ssram_base + ssram_size) {
        return 0;
    }
    uint32_t from = (start > ssram_base ? start : ssram_base) - ssram_base;
    uint32_t to = (end < ssram_base + ssram_size ? end : ssram_base + ssram_size) - ssram_base;
    uint32_t block = 1u << (REG(mpc + MPC_BLK_CFG) + 5u);
    if (from % block != 0 || to % block != 0) {
        /* A block shared with secure memory would take the secure part away from spm. */
        console_puts("spm: non-secure memory ");
        console_puthex(start);
        console_puts("..");
        console_puthex(end);
        console_puts(" does not start and end on the MPC's blocks of ");
        console_puthex(block);
        console_puts(" bytes\r\n");
        return SPM_MISALIGNED;
    }
    REG(mpc + MPC_CTRL) &= ~MPC_CTRL_AUTOINC;
    for (uint32_t index = from / block; index < to / block; index++) {
        REG(mpc + MPC_BLK_IDX) = index / 32u;
        REG(mpc + MPC_BLK_LUT) |= 1u << (index % 32u);
    }
    return 0;
}

static int make_nonsecure(uint32_t start, uint32_t end)
{
    int status = mpc_make_nonsecure(MPC_SSRAM1, SSRAM1_BASE, SSRAM1_SIZE, start, end);
    status = status ? status : mpc_make_nonsecure(MPC_SSRAM2, SSRAM2_BASE, SSRAM2_SIZE, start, end);
    return status ? status : mpc_make_nonsecure(MPC_SSRAM3, SSRAM3_BASE, SSRAM3_SIZE, start, end);
}

/*
 * The gateway veneer of a secure entry function: the 8-byte stub in [__sg_start__, __sg_end__)
 * that is an SG instruction followed by a B.W to the function. (Secure code that names the
 * function gets the function itself, never its veneer, which is what a non-secure caller must
 * branch to.) 0 when the linker wrote none.
 */
static uint32_t gateway_of(uint32_t function)
{
    const uint32_t target = function & ~1u;
    for (uint32_t stub = (uint32_t) __sg_start__; stub + 8u <= (uint32_t) __sg_end__; stub += 8u) {
        const volatile uint16_t *code = (const volatile uint16_t *) stub;
        if (code[0] != 0xE97Fu || code[1] != 0xE97Fu || (code[2] & 0xF800u) != 0xF000u
            || (code[3] & 0xD000u) != 0x9000u) {
            continue;
        }
        /* B.W (T4): offset = S:I1:I2:imm10:imm11:0, I1 = !(J1 ^ S), I2 = !(J2 ^ S), from the
         * address of the branch + 4. */
        uint32_t s = (code[2] >> 10) & 1u;
        uint32_t i1 = ~(((code[3] >> 13) & 1u) ^ s) & 1u;
        uint32_t i2 = ~(((code[3] >> 11) & 1u) ^ s) & 1u;
        uint32_t offset = (s << 24) | (i1 << 23) | (i2 << 22) | ((code[2] & 0x3FFu) << 12) | ((code[3] & 0x7FFu) << 1);
        if (s) {
            offset |= 0xFE000000u;
        }
        if (stub + 8u + offset == target) {
            return stub | 1u;
        }
    }
    return 0;
}

/* One SAU region: [start, end), non-secure or non-secure callable; 32-byte granules. */
static void sau_region(uint32_t number, uint32_t start, uint32_t end, uint32_t attributes)
{
    SAU_RNR = number;
    SAU_RBAR = start & ~31u;
    SAU_RLAR = ((end - 1u) & ~31u) | attributes | SAU_RLAR_ENABLE;
}

static void print_range(const char *what, uint32_t start, uint32_t end)
{
    console_puts(what);
    console_puthex(start);
    console_puts("..");
    console_puthex(end);
}

int main(void)
{
    console_puts("spm: secure partition manager, running secure at ");
    console_puthex(SCB_VTOR);
    console_puts("\r\n");

    const uint32_t code_start = PM_APP_ADDRESS;
    const uint32_t code_end = PM_APP_END_ADDRESS;
    const uint32_t data_start = PM_SRAM_PRIMARY_ADDRESS;
    const uint32_t data_end = PM_SRAM_PRIMARY_END_ADDRESS;
    int status = make_nonsecure(code_start, code_end);
    status = status ? status : make_nonsecure(data_start, data_end);
    if (status) {
        return status;
    }
    const uint32_t gateway_start = (uint32_t) __sg_start__;
    const uint32_t gateway_end = (uint32_t) __sg_end__;
    sau_region(0, code_start, code_end, 0);
    sau_region(1, data_start, data_end, 0);
    sau_region(2, PERIPHERALS_NONSECURE_BASE, PERIPHERALS_NONSECURE_END, 0);
    sau_region(3, gateway_start, gateway_end, SAU_RLAR_NSC);
    SPCTRL_NSCCFG |= NSCCFG_CODENSC;
    SAU_CTRL = SAU_CTRL_ENABLE;
    __asm__ volatile("dsb\n"
                     "isb\n" ::: "memory");
    print_range("spm: non-secure code ", code_start, code_end);
    print_range(", data ", data_start, data_end);
    print_range(", gateway ", gateway_start, gateway_end);
    console_puts("\r\n");

    /* From here on the secure state prints through UART0's non-secure alias too. */
    SPCTRL_APBNSPPCEXP1 |= APBNSPPCEXP1_UART0;
    console_init(UART0_NONSECURE);

    const volatile uint32_t *vectors = (const volatile uint32_t *) code_start;
    uint32_t stack = vectors[0];
    uint32_t reset = vectors[1];
    if (stack <= data_start || stack > data_end || (reset & 1u) == 0 || (reset & ~1u) < code_start
        || (reset & ~1u) >= code_end) {
        console_puts("spm: no non-secure application at ");
        console_puthex(code_start);
        console_puts(" (initial SP ");
        console_puthex(stack);
        console_puts(", reset vector ");
        console_puthex(reset);
        console_puts(")\r\n");
        return SPM_CANNOT_START;
    }
    uint32_t gateway = gateway_of((uint32_t) spm_secure_service);
    if (gateway == 0) {
        console_puts("spm: the linker wrote no gateway veneer for spm_secure_service\r\n");
        return SPM_CANNOT_START;
    }
    console_puts("spm: starting the non-secure application at ");
    console_puthex(code_start);
    console_puts("\r\n");
    SCB_NS_VTOR = code_start;
    __asm__ volatile("msr msp_ns, %0" : : "r"(stack));
    nonsecure_reset_t *start = (nonsecure_reset_t *) cmse_nsfptr_create(reset);
    start(gateway);
    /* Not reached: the application ends the session. */
    return SPM_CANNOT_START;
}
