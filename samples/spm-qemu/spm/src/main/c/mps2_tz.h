/*
 * The parts of the Arm MPS2+ TrustZone FPGA images (AN505, and CPU0 of the AN521) that the
 * secure partition manager programs, as QEMU's mps2-an505 and mps2-an521 machines model them.
 * The devicetree of the board names the same blocks (arm/mps2-tz-secure.dtsi).
 */
#ifndef MPS2_TZ_H__
#define MPS2_TZ_H__

#include <stdint.h>

#define REG(address) (*(volatile uint32_t *) (address))

/* The three SSRAMs as the non-secure alias shows them, the addresses of pm_config.h. */
#define SSRAM1_BASE 0x00000000u /* code memory */
#define SSRAM1_SIZE 0x00400000u
#define SSRAM2_BASE 0x28000000u /* data memory */
#define SSRAM2_SIZE 0x00200000u
#define SSRAM3_BASE 0x28200000u
#define SSRAM3_SIZE 0x00200000u

/* The peripherals through the non-secure alias. */
#define PERIPHERALS_NONSECURE_BASE 0x40000000u
#define PERIPHERALS_NONSECURE_END 0x50000000u

/* Memory Protection Controller of each SSRAM: one LUT bit per block, 1 = non-secure only. */
#define MPC_SSRAM1 0x58007000u
#define MPC_SSRAM2 0x58008000u
#define MPC_SSRAM3 0x58009000u
#define MPC_CTRL 0x000u
#define MPC_CTRL_AUTOINC (1u << 8)
#define MPC_BLK_CFG 0x014u /* block size = 1 << (BLK_CFG + 5) */
#define MPC_BLK_IDX 0x018u
#define MPC_BLK_LUT 0x01Cu

/* Secure privilege control block. */
#define SPCTRL_NSCCFG REG(0x50080014u)
#define NSCCFG_CODENSC (1u << 0) /* the IDAU lets the SAU mark secure code non-secure callable */
#define SPCTRL_APBNSPPCEXP1 REG(0x50080084u)
#define APBNSPPCEXP1_UART0 (1u << 5)

/* Security Attribution Unit. */
#define SAU_CTRL REG(0xE000EDD0u)
#define SAU_CTRL_ENABLE (1u << 0)
#define SAU_RNR REG(0xE000EDD8u)
#define SAU_RBAR REG(0xE000EDDCu)
#define SAU_RLAR REG(0xE000EDE0u)
#define SAU_RLAR_NSC (1u << 1)
#define SAU_RLAR_ENABLE (1u << 0)

/* System Control Block: the secure one, and the non-secure one seen from the secure state. */
#define SCB_VTOR REG(0xE000ED08u)
#define SCB_SHCSR REG(0xE000ED24u)
#define SHCSR_SECUREFAULTENA (1u << 19)
#define SCB_CFSR REG(0xE000ED28u)
#define SCB_CPACR REG(0xE000ED88u)
#define CPACR_CP10_CP11_FULL (0xFu << 20)
#define SCB_NSACR REG(0xE000ED8Cu)
#define NSACR_CP10_CP11 (3u << 10)
#define SCB_SFSR REG(0xE000EDE4u)
#define SCB_SFAR REG(0xE000EDE8u)
#define SCB_NS_VTOR REG(0xE002ED08u)

#endif /* MPS2_TZ_H__ */
