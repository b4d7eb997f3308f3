package io.multiimage.core.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import io.multiimage.core.devicetree.MemoryFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoardCatalogTest {

    private static final List<String> SHIPPED = List.of(
            "mps2/an505",
            "mps2/an505/ns",
            "mps2/an521/cpu0",
            "mps2/an521/cpu0/ns",
            "mps2/an521/cpu1",
            "nrf52840dk/nrf52840",
            "nrf5340dk/nrf5340/cpuapp",
            "nrf5340dk/nrf5340/cpunet",
            "nrf9160dk/nrf9160",
            "nrf9160dk/nrf9160/ns",
            "qemu_cortex_m3");

    @TempDir
    Path project;

    @Test
    void shippedBoardsAreListedByName() throws Exception {
        assertEquals(SHIPPED, BoardCatalog.shipped().names());
        assertTrue(BoardCatalog.shipped().boards().stream().allMatch(BoardDefinition::shipped));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "qemu_cortex_m3,           CPUAPP, cortex-m3,        ,            soft, lm3s6965evb",
        "nrf52840dk/nrf52840,      CPUAPP, cortex-m4,        fpv4-sp-d16, hard, ",
        "nrf5340dk/nrf5340/cpuapp, CPUAPP, cortex-m33,       fpv5-sp-d16, hard, ",
        "nrf5340dk/nrf5340/cpunet, CPUNET, cortex-m33+nodsp, ,            soft, ",
        "nrf9160dk/nrf9160,        CPUAPP, cortex-m33,       fpv5-sp-d16, hard, ",
        "nrf9160dk/nrf9160/ns,     CPUAPP, cortex-m33,       fpv5-sp-d16, hard, ",
        "mps2/an505,               CPUAPP, cortex-m33,       fpv5-sp-d16, hard, mps2-an505",
        "mps2/an505/ns,            CPUAPP, cortex-m33,       fpv5-sp-d16, hard, mps2-an505",
        "mps2/an521/cpu0,          CPU0,   cortex-m33+nodsp, ,            soft, mps2-an521",
        "mps2/an521/cpu0/ns,       CPU0,   cortex-m33+nodsp, ,            soft, mps2-an521",
        "mps2/an521/cpu1,          CPU1,   cortex-m33,       fpv5-sp-d16, hard, mps2-an521"
    })
    void shippedBoardsCarryCpuFactsDomainAndEmulator(
            String name, String domain, String cpu, String fpu, String floatAbi, String qemu) throws Exception {
        BoardDefinition board = BoardCatalog.shipped().lookup(name).definition();
        assertEquals(name, board.name());
        assertEquals(domain, board.domain());
        assertEquals(
                new CpuFacts(
                        cpu,
                        true,
                        Optional.ofNullable(fpu),
                        floatAbi,
                        board.cpu().cmse()),
                board.cpu());
        assertEquals(Optional.ofNullable(qemu), board.qemuMachine());
        assertEquals(board.fileName() + ".dts", board.dts().getFileName().toString());
    }

    @Test
    void gccFlagsFollowTheCpuFacts() throws Exception {
        CpuFacts m4 = BoardCatalog.shipped()
                .lookup("nrf52840dk/nrf52840")
                .definition()
                .cpu();
        assertEquals(List.of("-mcpu=cortex-m4", "-mthumb", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard"), m4.gccFlags());
        assertEquals(List.of("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=soft"), m4.gccSoftFloatFlags());
        CpuFacts m3 =
                BoardCatalog.shipped().lookup("qemu_cortex_m3").definition().cpu();
        assertEquals(List.of("-mcpu=cortex-m3", "-mthumb", "-mfloat-abi=soft"), m3.gccFlags());
        assertFalse(m3.hasFpu());
    }

    // The exact options image builds used before build/ took the board's record (captured from
    // the former build.CpuFacts): they are part of the toolchain fingerprint and of pinned HEX files.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "qemu_cortex_m3,           -mcpu=cortex-m3 -mthumb -mfloat-abi=soft",
        "nrf52840dk/nrf52840,      -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard",
        "nrf5340dk/nrf5340/cpuapp, -mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard",
        "nrf5340dk/nrf5340/cpunet, -mcpu=cortex-m33+nodsp -mthumb -mfloat-abi=soft",
        "nrf9160dk/nrf9160,        -mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard",
        "nrf9160dk/nrf9160/ns,     -mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard",
        "mps2/an505,               -mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard -mcmse",
        "mps2/an505/ns,            -mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard",
        "mps2/an521/cpu0,          -mcpu=cortex-m33+nodsp -mthumb -mfloat-abi=soft -mcmse",
        "mps2/an521/cpu0/ns,       -mcpu=cortex-m33+nodsp -mthumb -mfloat-abi=soft",
        "mps2/an521/cpu1,          -mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard -mcmse"
    })
    void buildFlagsOfShippedBoardsAreTheImageBuildOptions(String name, String flags) throws Exception {
        CpuFacts cpu = BoardCatalog.shipped().lookup(name).definition().cpu();
        assertEquals(List.of(flags.split(" ")), cpu.buildFlags());
    }

    @Test
    void buildFlagsKeepThumbWhenTheBoardSaysNoThumb() {
        CpuFacts arm = new CpuFacts("cortex-m3", false, Optional.empty(), "soft");
        assertEquals(List.of("-mcpu=cortex-m3", "-mthumb", "-mfloat-abi=soft"), arm.buildFlags());
        assertEquals(List.of("-mcpu=cortex-m3", "-mfloat-abi=soft"), arm.gccFlags());
        assertEquals(CpuFacts.withoutFpu("cortex-m3"), new CpuFacts("cortex-m3", true, Optional.empty(), "soft"));
    }

    @Test
    void cpuAndFpuNamesCannotSmuggleASecondOption() {
        IllegalArgumentException cpu = assertThrows(
                IllegalArgumentException.class,
                () -> new CpuFacts("cortex-m3 -o/tmp/x", true, Optional.empty(), "soft"));
        assertEquals("not a CPU name for -mcpu: 'cortex-m3 -o/tmp/x'", cpu.getMessage());
        IllegalArgumentException fpu = assertThrows(
                IllegalArgumentException.class, () -> new CpuFacts("cortex-m4", true, Optional.of("fpv4 -O0"), "hard"));
        assertEquals("not an FPU name for -mfpu: 'fpv4 -O0'", fpu.getMessage());
    }

    @Test
    void fileNamesAndZephyrRevisionSyntaxAreAccepted() throws Exception {
        BoardCatalog catalog = BoardCatalog.shipped();
        assertEquals(
                "nrf5340dk/nrf5340/cpuapp",
                catalog.lookup("nrf5340dk_nrf5340_cpuapp").name());
        Board board = catalog.lookup("nrf9160dk@0.14.0/nrf9160/ns");
        assertEquals("nrf9160dk/nrf9160/ns", board.name());
        assertEquals(Optional.of("0.14.0"), board.revision());
        assertEquals("nrf9160dk@0.14.0/nrf9160/ns", board.toString());
        assertEquals(
                List.of(board.definition().directory().resolve("nrf9160dk_nrf9160_ns_0_14_0.overlay")),
                board.boardOverlays());
    }

    @Test
    void defaultRevisionIsUsedWhenNoneIsGiven() throws Exception {
        Board board = BoardCatalog.shipped().lookup("nrf9160dk/nrf9160");
        assertEquals(Optional.of("0.7.0"), board.revision());
        assertEquals(List.of(), board.boardOverlays());
        assertEquals(
                Optional.empty(),
                BoardCatalog.shipped().lookup("qemu_cortex_m3").revision());
    }

    @Test
    void unknownBoardListsTheKnownOnes() {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> BoardCatalog.shipped().lookup("nrf7002dk/nrf5340/cpuapp"));
        assertEquals(
                "unknown board 'nrf7002dk/nrf5340/cpuapp'; known boards: " + String.join(", ", SHIPPED)
                        + ". A project adds a board as boards/<name with '/' replaced by '_'>/board.properties",
                error.getMessage());
    }

    @Test
    void unknownRevisionListsTheKnownOnes() {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> BoardCatalog.shipped().lookup("nrf9160dk/nrf9160", "0.9.0"));
        assertEquals(
                "board nrf9160dk/nrf9160 has no revision '0.9.0' (known revisions: 0.7.0, 0.14.0)", error.getMessage());
        InvalidConfigurationException none = assertThrows(
                InvalidConfigurationException.class,
                () -> BoardCatalog.shipped().lookup("qemu_cortex_m3@1.0.0"));
        assertEquals("board qemu_cortex_m3 has no revision '1.0.0' (known revisions: none)", none.getMessage());
    }

    @Test
    void conflictingRevisionsAreRejected() {
        InvalidConfigurationException error = assertThrows(
                InvalidConfigurationException.class,
                () -> BoardCatalog.shipped().lookup("nrf9160dk@0.14.0/nrf9160", "0.7.0"));
        assertEquals(
                "board 'nrf9160dk@0.14.0/nrf9160' names revision 0.14.0 but revision 0.7.0 was also given;"
                        + " use one",
                error.getMessage());
    }

    @Test
    void projectBoardIsFoundAndCanIncludeShippedSocFiles() throws Exception {
        Path dir = Files.createDirectories(project.resolve("boards/acme_widget_cpuapp"));
        Files.writeString(
                dir.resolve("board.properties"),
                String.join(
                        "\n",
                        "name=acme_widget/cpuapp",
                        "soc=nrf52840",
                        "cpu=cortex-m4",
                        "cpu.fpu=fpv4-sp-d16",
                        "revisions=1.0.0,2.0.0",
                        "revision.default=2.0.0",
                        ""));
        Files.writeString(
                dir.resolve("acme_widget_cpuapp.dts"),
                String.join(
                        "\n",
                        "/dts-v1/;",
                        "#include <nordic/nrf52840.dtsi>",
                        "#include \"widget_leds.dtsi\"",
                        "/ {",
                        "\tchosen {",
                        "\t\tzephyr,flash = &flash0;",
                        "\t\tzephyr,sram = &sram0;",
                        "\t};",
                        "};",
                        ""));
        Files.writeString(dir.resolve("widget_leds.dtsi"), "/ {\n\tleds {\n\t};\n};\n");
        Files.writeString(
                dir.resolve("acme_widget_cpuapp_2_0_0.overlay"),
                "&sram0 {\n\treg = <0x20000000 DT_SIZE_K(128)>;\n};\n");
        BoardCatalog catalog = BoardCatalog.forProject(project);
        assertEquals("acme_widget/cpuapp", catalog.names().get(0));
        Board board = catalog.lookup("acme_widget/cpuapp");
        assertFalse(board.definition().shipped());
        assertEquals("CPUAPP", board.domain());
        assertEquals("hard", board.definition().cpu().floatAbi());
        MemoryFacts facts = board.memoryFacts();
        assertEquals(0x100000, facts.flash().size());
        assertEquals(0x20000, facts.sram().size());
        assertEquals(
                0x40000,
                catalog.lookup("acme_widget@1.0.0/cpuapp").memoryFacts().sram().size());
        assertTrue(catalog.names().contains("qemu_cortex_m3"));
    }

    @Test
    void projectBoardHidesTheShippedBoardOfTheSameName() throws Exception {
        Path dir = Files.createDirectories(project.resolve("boards/qemu_cortex_m3"));
        Files.writeString(
                dir.resolve("board.properties"), "name=qemu_cortex_m3\ncpu=cortex-m3\nqemu.machine=mps2-an385\n");
        Files.writeString(dir.resolve("qemu_cortex_m3.dts"), "/dts-v1/;\n/ {\n};\n");
        BoardDefinition board =
                BoardCatalog.forProject(project).lookup("qemu_cortex_m3").definition();
        assertFalse(board.shipped());
        assertEquals(Optional.of("mps2-an385"), board.qemuMachine());
    }

    @Test
    void boardPropertiesErrorsNameFileAndLine() throws Exception {
        Path dir = Files.createDirectories(project.resolve("boards/mine"));
        Path file = dir.resolve("board.properties");
        Files.writeString(dir.resolve("mine.dts"), "/dts-v1/;\n/ {\n};\n");

        Files.writeString(file, "name=mine\ncpu=cortex-m0\ncpu.fp=vfp\n");
        assertEquals(
                file + ":3: unknown key 'cpu.fp'; expected one of cpu, cpu.cmse, cpu.float-abi, cpu.fpu, cpu.thumb,"
                        + " description, domain, dts, memory.alias-offset, name, qemu.machine, revision.default, revisions, soc,"
                        + " domain.<DOMAIN>.board",
                message());

        Files.writeString(file, "name=mine\ncpu=cortex-m33\n\ncpu.cmse=yes\n");
        assertEquals(file + ":4: cpu.cmse must be true or false, not 'yes'", message());

        Files.writeString(file, "name=mine\ncpu=cortex-m33\nmemory.alias-offset=0x1_0000\n");
        assertEquals(
                file + ":3: memory.alias-offset must be an address from 0 to 0xffffffff (hex with 0x, or"
                        + " decimal), not '0x1_0000'",
                message());

        Files.writeString(file, "name=mine\ncpu=cortex-m33\nmemory.alias-offset=0x100000000\n");
        assertEquals(
                file + ":3: memory.alias-offset must be an address from 0 to 0xffffffff (hex with 0x, or"
                        + " decimal), not '0x100000000'",
                message());

        Files.writeString(file, "# board\nname=other\ncpu=cortex-m0\n");
        assertEquals(file + ":2: board 'other' must live in a directory named 'other', not 'mine'", message());

        Files.writeString(file, "name=mine\n");
        assertEquals(file + ": missing required key 'cpu'", message());

        Files.writeString(file, "name=mine\ncpu=cortex-m0\ncpu.float-abi=hard\n");
        assertEquals(file + ":3: float ABI hard needs an FPU", message());

        Files.writeString(file, "name=mine\ncpu=cortex-m0 -O0\n");
        assertEquals(file + ":2: not a CPU name for -mcpu: 'cortex-m0 -O0'", message());

        Files.writeString(file, "name=mine\ncpu=cortex-m4\ncpu.fpu=fpv4;rm\n");
        assertEquals(file + ":3: not an FPU name for -mfpu: 'fpv4;rm'", message());

        Files.writeString(file, "name=mine\ncpu=cortex-m0\nrevisions=1.0.0\nrevision.default=2.0.0\n");
        assertEquals(file + ":4: default revision '2.0.0' is not in revisions [1.0.0]", message());

        Files.writeString(file, "name=mine\ncpu=cortex-m0\ndts=absent.dts\n");
        assertEquals(file + ": the board devicetree " + dir.resolve("absent.dts") + " does not exist", message());
    }

    @Test
    void networkCoreDomainIsFoundFromTheApplicationBoard() throws Exception {
        BoardCatalog catalog = BoardCatalog.shipped();
        Board app = catalog.lookup("nrf5340dk/nrf5340/cpuapp");
        Board net = catalog.boardForDomain(app, "CPUNET");
        assertEquals("nrf5340dk/nrf5340/cpunet", net.name());
        assertEquals("CPUNET", net.domain());
        assertEquals(0x1000000L, net.memoryFacts().flash().address());
        assertEquals(app, catalog.boardForDomain(app, "CPUAPP"));
        assertEquals(app.name(), catalog.boardForDomain(net, "CPUAPP").name());
    }

    @Test
    void secureBoardsCompileWithCmseAndSeeMemoryThroughTheSecureAlias() throws Exception {
        BoardCatalog catalog = BoardCatalog.shipped();
        for (String[] pair :
                new String[][] {{"mps2/an505", "mps2/an505/ns"}, {"mps2/an521/cpu0", "mps2/an521/cpu0/ns"}}) {
            Board secure = catalog.lookup(pair[0]);
            Board nonSecure = catalog.lookup(pair[1]);
            assertTrue(secure.definition().cpu().cmse(), pair[0]);
            assertFalse(nonSecure.definition().cpu().cmse(), pair[1]);
            assertEquals(0x10000000L, secure.definition().memoryAliasOffset());
            assertEquals(0L, nonSecure.definition().memoryAliasOffset());
            assertEquals(0x10000000L, secure.definition().aliasShiftFrom(nonSecure.definition()));
            assertEquals(-0x10000000L, nonSecure.definition().aliasShiftFrom(secure.definition()));
            // The same memory, 0x10000000 apart: what the alias offsets claim, the devicetrees say.
            MemoryFacts s = secure.memoryFacts();
            MemoryFacts ns = nonSecure.memoryFacts();
            assertEquals(ns.flash().address() + 0x10000000L, s.flash().address(), pair[0]);
            assertEquals(ns.flash().size(), s.flash().size(), pair[0]);
            assertEquals(ns.sram().address() + 0x10000000L, s.sram().address(), pair[0]);
            assertEquals(ns.sram().size(), s.sram().size(), pair[0]);
        }
        assertEquals(0L, catalog.lookup("nrf9160dk/nrf9160").definition().memoryAliasOffset());
        assertEquals(
                0L,
                catalog.lookup("nrf9160dk/nrf9160")
                        .definition()
                        .aliasShiftFrom(catalog.lookup("nrf9160dk/nrf9160/ns").definition()));
    }

    @Test
    void an521CoresAreTwoDomainsThatSplitTheSharedMemory() throws Exception {
        BoardCatalog catalog = BoardCatalog.shipped();
        Board cpu0 = catalog.lookup("mps2/an521/cpu0");
        Board cpu1 = catalog.boardForDomain(cpu0, "CPU1");
        assertEquals("mps2/an521/cpu1", cpu1.name());
        assertEquals(
                "mps2/an521/cpu1",
                catalog.boardForDomain(catalog.lookup("mps2/an521/cpu0/ns"), "CPU1")
                        .name());
        assertEquals("mps2/an521/cpu0", catalog.boardForDomain(cpu1, "CPU0").name());
        MemoryFacts first = cpu0.memoryFacts();
        MemoryFacts second = cpu1.memoryFacts();
        // One 4 MiB code SSRAM: CPU0 has the start, CPU1 the rest, without overlap.
        assertEquals(0x10000000L, first.flash().address());
        assertEquals(first.flash().end(), second.flash().address());
        assertEquals(0x10400000L, second.flash().end());
        // Data: SSRAM2 for CPU0, SSRAM3 for CPU1.
        assertEquals(0x38000000L, first.sram().address());
        assertEquals(first.sram().end(), second.sram().address());
        assertEquals(0x38400000L, second.sram().end());
    }

    @Test
    void undefinedDomainIsAnErrorThatSaysWhatToAdd() throws Exception {
        BoardCatalog catalog = BoardCatalog.shipped();
        Board qemu = catalog.lookup("qemu_cortex_m3");
        InvalidConfigurationException error =
                assertThrows(InvalidConfigurationException.class, () -> catalog.boardForDomain(qemu, "CPUNET"));
        assertEquals(
                "board qemu_cortex_m3 (domain CPUAPP) does not define domain CPUNET; domains it knows: CPUAPP."
                        + " Add domain.CPUNET.board=<board> to its board.properties",
                error.getMessage());
    }

    private String message() {
        return assertThrows(InvalidConfigurationException.class, () -> BoardCatalog.forProject(project))
                .getMessage();
    }
}
