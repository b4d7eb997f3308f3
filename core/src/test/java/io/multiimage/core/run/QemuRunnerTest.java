package io.multiimage.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.core.toolchain.MemoryRegion;
import io.multiimage.core.toolchain.TestImages;
import io.multiimage.core.toolchain.ToolNotFoundException;
import io.multiimage.testkit.ReferenceTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tools")
class QemuRunnerTest {

    private static final MemoryRegion FLASH = new MemoryRegion(0, 0x40000);

    /** Startup, UART0 and semihosting for a test firmware; {@code BODY} becomes the reset handler's work. */
    private static final String FIRMWARE = """
            #include <stdint.h>
            extern uint32_t __stack_top__;
            void Reset_Handler(void);
            typedef void (*vector_t)(void);
            __attribute__((section(".isr_vector"), used))
            const vector_t vector_table[2] = {(vector_t) &__stack_top__, Reset_Handler};
            static void uart_puts(const char *text)
            {
                while (*text) {
                    while (*(volatile uint32_t *) 0x4000C018u & (1u << 5)) { }
                    *(volatile uint32_t *) 0x4000C000u = (uint32_t) *text++;
                }
            }
            static void semihost_exit(uint32_t status)
            {
                static uint32_t block[2];
                block[0] = 0x20026u;
                block[1] = status;
                register uint32_t r0 __asm__("r0") = 0x20u;
                register uint32_t *r1 __asm__("r1") = block;
                __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
                for (;;) { }
            }
            void Reset_Handler(void)
            {
                BODY
            }
            """;

    private static Path firmware(Path dir, String body) throws Exception {
        Path src = dir.resolve("src");
        TestImages.write(src, "main.c", FIRMWARE.replace("BODY", body));
        Path elf = TestImages.gnuArm(new RecordingLog())
                .build(TestImages.request("fw", src, dir.resolve("build"), FLASH)
                        .build())
                .elf()
                .orElseThrow();
        return TestImages.objcopyHex(elf);
    }

    private static QemuRunner runner(RecordingLog log) {
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        return new QemuRunner(new LocalProcessLauncher(), log);
    }

    @Test
    void streamsUartLinesAndReturnsTheSemihostingExitStatus(@TempDir Path dir) throws Exception {
        Path hex = firmware(dir, "uart_puts(\"first line\\r\\nsecond line\\r\\n\"); semihost_exit(0);");
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result =
                runner(new RecordingLog()).run(QemuRequest.of(hex, "lm3s6965evb", Duration.ofSeconds(30), uart::add));
        assertEquals(0, result.exitStatus());
        assertTrue(result.succeeded());
        assertEquals(List.of("first line", "second line"), uart);
        assertEquals(List.of("first line", "second line"), result.uartLines());
    }

    @Test
    void nonZeroExitStatusOfTheFirmwareIsReturned(@TempDir Path dir) throws Exception {
        Path hex = firmware(dir, "uart_puts(\"failing\\r\\n\"); semihost_exit(5);");
        QemuResult result =
                runner(new RecordingLog()).run(QemuRequest.of(hex, "lm3s6965evb", Duration.ofSeconds(30), null));
        assertEquals(5, result.exitStatus());
        assertEquals(List.of("failing"), result.uartLines());
        assertEquals(
                "The firmware exited with status 5 (semihosting exit). Last UART lines:\n  failing",
                assertThrows(FirmwareException.class, result::requireSuccess).getMessage());
    }

    @Test
    void firmwareThatNeverExitsTimesOutAndShowsItsLastUartLines(@TempDir Path dir) throws Exception {
        Path hex = firmware(dir, "uart_puts(\"waiting forever\\r\\n\"); for (;;) { }");
        QemuTimeoutException e = assertThrows(
                QemuTimeoutException.class,
                () -> runner(new RecordingLog()).run(QemuRequest.of(hex, "lm3s6965evb", Duration.ofSeconds(2), null)));
        assertEquals(List.of("waiting forever"), e.uartTail());
        assertEquals(
                "The firmware " + hex + " did not exit within 2 s (no semihosting exit); QEMU was stopped. "
                        + "Last UART lines:\n  waiting forever\nRaise firmware.run.timeout if the firmware needs longer.",
                e.getMessage());
    }

    /**
     * The loader device does not set the PC (no cpu-num), so the Cortex-M reset takes SP and PC from
     * the vector table; the HEX file's start-address record, pointed elsewhere here, is ignored.
     */
    @Test
    void resetTakesStackPointerAndEntryFromTheLoadedVectorTable(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src");
        // The vector table's SP is not the top of RAM, so a default SP would be noticed; the NMI
        // entry only keeps wrong_entry from being garbage-collected by the linker.
        String source = FIRMWARE.replace("BODY", "")
                .replace("void Reset_Handler(void);", "void Reset_Handler(void);\nvoid wrong_entry(void);")
                .replace(
                        "const vector_t vector_table[2] = {(vector_t) &__stack_top__, Reset_Handler};",
                        "const vector_t vector_table[3] = {(vector_t) 0x2000FF00u, Reset_Handler, wrong_entry};")
                .replace("void Reset_Handler(void)\n{\n    \n}\n", """
                        void check_sp(uint32_t sp)
                        {
                            uart_puts(sp == 0x2000FF00u ? "sp from vector table\\r\\n" : "wrong sp\\r\\n");
                            semihost_exit(sp == 0x2000FF00u ? 0 : 7);
                        }
                        void wrong_entry(void)
                        {
                            uart_puts("started at the HEX start address\\r\\n");
                            semihost_exit(9);
                        }
                        __attribute__((naked)) void Reset_Handler(void)
                        {
                            __asm__ volatile("mov r0, sp\\n b check_sp\\n");
                        }
                        """);
        assertTrue(source.contains("b check_sp") && source.contains("0x2000FF00u, Reset_Handler, wrong_entry"), source);
        TestImages.write(src, "main.c", source);
        Path elf = TestImages.gnuArm(new RecordingLog())
                .build(TestImages.request("fw", src, dir.resolve("build"), FLASH)
                        .build())
                .elf()
                .orElseThrow();
        Path hex = TestImages.objcopyHex(elf);
        long wrongEntry = TestImages.symbols(elf).get("wrong_entry") | 1;
        Path redirected = dir.resolve("redirected.hex");
        Files.writeString(redirected, withStartAddress(Files.readString(hex, StandardCharsets.US_ASCII), wrongEntry));
        assertTrue(Files.readString(redirected).contains(startAddressRecord(wrongEntry)));

        QemuResult result =
                runner(new RecordingLog()).run(QemuRequest.of(redirected, "lm3s6965evb", Duration.ofSeconds(30), null));
        assertEquals(List.of("sp from vector table"), result.uartLines());
        assertEquals(0, result.exitStatus());
    }

    private static String withStartAddress(String hex, long address) {
        StringBuilder out = new StringBuilder();
        for (String line : hex.split("\r?\n")) {
            if (line.startsWith(":04000005")) {
                continue;
            }
            if (line.equals(":00000001FF")) {
                out.append(startAddressRecord(address)).append('\n');
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String startAddressRecord(long address) {
        int[] bytes = {
            4,
            0,
            0,
            5,
            (int) (address >>> 24) & 0xff,
            (int) (address >>> 16) & 0xff,
            (int) (address >>> 8) & 0xff,
            (int) address & 0xff
        };
        int sum = 0;
        StringBuilder record = new StringBuilder(":");
        for (int b : bytes) {
            record.append(String.format("%02X", b));
            sum += b;
        }
        return record.append(String.format("%02X", (-sum) & 0xff)).toString();
    }

    @Test
    void lockedUpCpuIsReportedAsQemuFailure(@TempDir Path dir) throws Exception {
        // An image whose reset vector points nowhere: the CPU locks up and QEMU aborts.
        Path hex = dir.resolve("garbage.hex");
        Files.writeString(hex, ":0800000000000120FFFFFFFFDA\n:00000001FF\n");
        FirmwareException e = assertThrows(
                FirmwareException.class,
                () -> runner(new RecordingLog()).run(QemuRequest.of(hex, "lm3s6965evb", Duration.ofSeconds(30), null)));
        assertTrue(e.getMessage().startsWith("QEMU failed running " + hex + " (exit status "), e.getMessage());
        assertTrue(e.getMessage().contains("qemu: fatal: Lockup"), e.getMessage());
    }

    @Test
    void unknownMachineIsReportedWithQemusMessage(@TempDir Path dir) throws Exception {
        Path hex = Files.writeString(dir.resolve("empty.hex"), ":00000001FF\n");
        FirmwareException e = assertThrows(
                FirmwareException.class,
                () -> runner(new RecordingLog())
                        .run(QemuRequest.of(hex, "no-such-board", Duration.ofSeconds(30), null)));
        assertEquals(
                "QEMU failed running " + hex + " (exit status 1):\n  qemu-system-arm: unsupported machine type",
                e.getMessage());
    }

    @Test
    void missingHexFileIsAConfigurationError(@TempDir Path dir) {
        InvalidConfigurationException e = assertThrows(
                InvalidConfigurationException.class,
                () -> runner(new RecordingLog())
                        .run(QemuRequest.of(dir.resolve("merged.hex"), "lm3s6965evb", Duration.ofSeconds(5), null)));
        assertEquals(
                "Cannot boot " + dir.resolve("merged.hex") + ": the file does not exist; build the firmware first",
                e.getMessage());
    }

    @Test
    void missingQemuSaysHowToInstall(@TempDir Path dir) throws Exception {
        Path hex = Files.writeString(dir.resolve("merged.hex"), ":00000001FF\n");
        QemuRequest request =
                new QemuRequest(hex, "lm3s6965evb", Optional.of(dir), Duration.ofSeconds(5), null, List.of());
        ToolNotFoundException e = assertThrows(
                ToolNotFoundException.class,
                () -> new QemuRunner(new LocalProcessLauncher(), new RecordingLog()).run(request));
        assertEquals(
                "qemu-system-arm not found (searched " + dir + ", " + dir.resolve("bin")
                        + "). Install QEMU with 'sudo apt-get install qemu-system-arm'.",
                e.getMessage());
    }

    @Test
    void commandLineSendsUartToStdoutAndLoadsHexWithTheLoaderDevice() {
        QemuRequest request = new QemuRequest(
                Path.of("/b/merged,1.hex"),
                "lm3s6965evb",
                Optional.empty(),
                Duration.ofSeconds(5),
                null,
                List.of("-d", "guest_errors"));
        assertEquals(
                List.of(
                        "/usr/bin/qemu-system-arm",
                        "-machine",
                        "lm3s6965evb",
                        "-nographic",
                        "-monitor",
                        "none",
                        "-serial",
                        "stdio",
                        "-semihosting-config",
                        "enable=on,target=native",
                        "-device",
                        "loader,file=/b/merged,,1.hex",
                        "-d",
                        "guest_errors"),
                QemuRunner.commandLine(Path.of("/usr/bin/qemu-system-arm"), request));
    }
}
