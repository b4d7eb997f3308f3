/*
 * Pin selection cells for Nordic pin controllers: NRF_PSEL(function, port, pin) packs the
 * pin number (port * 32 + pin) in the low bits and the function in bits 16 and up.
 */
#ifndef MULTIIMAGE_DT_BINDINGS_NRF_PINCTRL_H
#define MULTIIMAGE_DT_BINDINGS_NRF_PINCTRL_H

#define NRF_FUN_POS 16U
#define NRF_FUN_MSK 0xFFFFU
#define NRF_PIN_POS 0U
#define NRF_PIN_MSK 0x1FFU

#define NRF_FUN_UART_TX 0U
#define NRF_FUN_UART_RX 1U
#define NRF_FUN_UART_RTS 2U
#define NRF_FUN_UART_CTS 3U

#define NRF_PSEL(fun, port, pin)                                               \
	((((((port) * 32U) + (pin)) & NRF_PIN_MSK) << NRF_PIN_POS) |           \
	 ((NRF_FUN_ ## fun & NRF_FUN_MSK) << NRF_FUN_POS))

#endif
