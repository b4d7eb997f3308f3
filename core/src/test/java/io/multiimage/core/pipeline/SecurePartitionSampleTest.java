package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.FirmwareException;
import io.multiimage.core.config.ProjectLayout;
import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.process.LocalProcessLauncher;
import io.multiimage.core.run.QemuResult;
import io.multiimage.core.spi.HexArtifactResolver;
import io.multiimage.core.testing.RecordingLog;
import io.multiimage.hex.IntelHex;
import io.multiimage.hex.MemoryImage;
import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole pipeline on {@code samples/spm-qemu}, without Maven: the non-secure application on
 * an {@code /ns} board with the secure partition manager as its child, which the child-image rule
 * puts on the secure board. Built, merged and booted in QEMU by {@link FirmwareRun}.
 */
@Tag("tools")
class SecurePartitionSampleTest {

    private static final List<String> AN505_UART = List.of(
            "spm: secure partition manager, running secure at 0x10000000",
            "spm: non-secure code 0x00010000..0x00400000, data 0x28010000..0x28400000, gateway ",
            "spm: starting the non-secure application at 0x00010000",
            "app: Hello from the non-secure application",
            "app: the secure service answered 0x005ec0de to this non-secure caller");

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void copySample() throws IOException {
        ReferenceTools.require("arm-none-eabi-gcc", "gcc-arm-none-eabi");
        ReferenceTools.require("qemu-system-arm", "qemu-system-arm");
        Samples.copy("spm-qemu", project);
    }

    @Test
    void secureChildStartsTheNonSecureApplication() throws Exception {
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = run("mps2/an505/ns", uart::add);

        assertEquals(0, result.exitStatus(), String.join("\n", uart));
        assertLines(AN505_UART, uart);
        assertTrue(
                log.at("INFO").contains("Changed board to secure mps2/an505 (NOT NS)"),
                log.lines().toString());
    }

    @Test
    void secureChildRunsAtTheSecureAliasOfItsPartitionInTheNonSecureLayout() throws Exception {
        run("mps2/an505/ns", uart -> {});
        Path out = project.resolve("app/target/firmware");

        // The layout and the headers speak the application's (non-secure) addresses ...
        String partitions = Files.readString(out.resolve("partitions.yml"));
        assertTrue(partitions.contains("spm:\n  address: 0x0\n"), partitions);
        assertTrue(partitions.contains("app:\n  address: 0x10000\n"), partitions);
        assertTrue(Files.readString(out.resolve("spm/pm_config.h")).contains("#define PM_SPM_ADDRESS 0x0\n"));
        // ... and spm is linked where the CPU starts in the secure state.
        MemoryImage spm = IntelHex.read(out.resolve("spm/spm.hex"));
        assertEquals(0x10000000L, spm.span().orElseThrow().start());
        assertTrue(Files.readString(out.resolve("spm/spm.ld"))
                .contains("FLASH (rx) : ORIGIN = 0x10000000, LENGTH = 0x00010000"));
        assertTrue(Files.readString(out.resolve("spm/spm.ld"))
                .contains("RAM (rwx) : ORIGIN = 0x38000000, LENGTH = 0x00010000"));
        assertTrue(Files.readString(out.resolve("app/app.ld"))
                .contains("RAM (rwx) : ORIGIN = 0x28010000, LENGTH = 0x003f0000"));
        // merged.hex holds both, each where it is linked; it starts where the CPU does.
        MemoryImage merged = IntelHex.read(out.resolve("merged.hex"));
        byte[] vectors = spm.read(0x10000000L, 8, (byte) 0);
        assertArrayEquals(vectors, merged.read(0x10000000L, 8, (byte) 0));
        assertTrue(merged.containsAny(0x10000, 8));
        // The start address of merged.hex is the secure reset handler: spm's partition comes first
        // in the layout, though its bytes lie 0x10000000 higher than app's.
        long spmEntry = spm.startAddress().orElseThrow().value();
        assertTrue(spmEntry > 0x10000000L && spmEntry < 0x10010000L, Long.toHexString(spmEntry));
        assertEquals(spmEntry, merged.startAddress().orElseThrow().value());
        String buildInfo = Files.readString(out.resolve("build-info.json"));
        assertTrue(buildInfo.contains("\"linkedAddress\" : \"0x10000000\""), buildInfo);
        assertTrue(
                log.at("INFO").stream()
                        .anyMatch(
                                line -> line.startsWith("spm: linked at 0x10000000..0x10010000")
                                        && line.contains(
                                                "of the layout of board mps2/an505/ns, seen through the alias of board mps2/an505")),
                log.lines().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mps2/an521/cpu0/ns, mps2/an521/cpu0"})
    void theSameSourcesRunOnTheFirstCoreOfTheAn521(String board, String secureBoard) throws Exception {
        List<String> uart = Collections.synchronizedList(new ArrayList<>());
        QemuResult result = run(board, uart::add);

        assertEquals(0, result.exitStatus(), String.join("\n", uart));
        assertLines(
                List.of(
                        "spm: secure partition manager, running secure at 0x10000000",
                        "spm: non-secure code 0x00010000..0x00380000, data 0x28010000..0x28200000, gateway ",
                        "spm: starting the non-secure application at 0x00010000",
                        "app: Hello from the non-secure application",
                        "app: the secure service answered 0x005ec0de to this non-secure caller"),
                uart);
        assertTrue(
                log.at("INFO").contains("Changed board to secure " + secureBoard + " (NOT NS)"),
                log.lines().toString());
    }

    @Test
    void withoutTheNonSecureCallableGatewayTheCallEndsInTheSecureFaultHandler() throws Exception {
        // The attribution is what makes the call work: drop the NSC region and the same call faults.
        Path main = project.resolve("spm/src/main/c/main.c");
        String source = Files.readString(main);
        Files.writeString(main, source.replace("    sau_region(3, gateway_start, gateway_end, SAU_RLAR_NSC);\n", ""));
        List<String> uart = Collections.synchronizedList(new ArrayList<>());

        QemuResult result = run("mps2/an505/ns", uart::add);

        assertEquals(3, result.exitStatus(), String.join("\n", uart));
        assertEquals("app: Hello from the non-secure application", uart.get(uart.size() - 2));
        assertTrue(uart.get(uart.size() - 1).startsWith("spm: fault: SFSR "), uart.toString());
        assertThrows(FirmwareException.class, result::requireSuccess);
    }

    @Test
    void eachImageCarriesAnIdenticalCopyOfTheConsole() throws Exception {
        for (String file : List.of("console.c", "console.h")) {
            assertArrayEquals(
                    Files.readAllBytes(project.resolve("spm/src/main/c").resolve(file)),
                    Files.readAllBytes(project.resolve("app/src/main/c").resolve(file)),
                    file);
        }
    }

    /** Lines equal, except that a line expected to end in a space only has to start with it. */
    private static void assertLines(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), String.join("\n", actual));
        for (int i = 0; i < expected.size(); i++) {
            String line = expected.get(i);
            if (line.endsWith(" ")) {
                assertTrue(actual.get(i).startsWith(line), actual.get(i));
            } else {
                assertEquals(line, actual.get(i));
            }
        }
    }

    private QemuResult run(String board, Consumer<String> uart) throws Exception {
        List<ImageDeclaration> declarations = List.of(
                ImageDeclaration.builder("app", project.resolve("app"))
                        .board(board)
                        .children("spm")
                        .build(),
                ImageDeclaration.builder("spm", project.resolve("spm")).build());
        BuildRequest request = BuildRequest.builder(
                        new ProjectLayout(project), "app", declarations, project.resolve("app/target/firmware"))
                .options(new BuildOptions(false, 2, false, Optional.empty()))
                .build();
        return new FirmwareRun(log, new LocalProcessLauncher(), HexArtifactResolver.unavailable("no repository"))
                .run(request, Duration.ofSeconds(60), uart);
    }
}
