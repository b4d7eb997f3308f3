/*
 * Start-up code: the Cortex-M vector table and a reset handler that copies .data from flash,
 * clears .bss, runs main() and ends the QEMU session with main's result. The symbols come from
 * image.ld.in.
 */
    .syntax unified
    .cpu cortex-m3
    .thumb

    .section .vectors, "a"
    .align 2
    .global vectors
vectors:
    .word _stack_end        /* initial stack pointer */
    .word reset_entry
    .word fault_entry       /* NMI */
    .word fault_entry       /* HardFault */
    .word fault_entry       /* MemManage */
    .word fault_entry       /* BusFault */
    .word fault_entry       /* UsageFault */
    .word 0, 0, 0, 0
    .word fault_entry       /* SVCall */
    .word fault_entry       /* DebugMonitor */
    .word 0
    .word fault_entry       /* PendSV */
    .word fault_entry       /* SysTick */

    .text
    .thumb_func
    .global reset_entry
reset_entry:
    ldr r0, =_data_image
    ldr r1, =_data_begin
    ldr r2, =_data_end
copy_data:
    cmp r1, r2
    bhs clear_bss
    ldr r3, [r0], #4
    str r3, [r1], #4
    b copy_data
clear_bss:
    ldr r1, =_bss_begin
    ldr r2, =_bss_end
    movs r3, #0
clear_word:
    cmp r1, r2
    bhs run_main
    str r3, [r1], #4
    b clear_word
run_main:
    bl main
    bl qemu_exit            /* r0: main's result */
halt:
    b halt
