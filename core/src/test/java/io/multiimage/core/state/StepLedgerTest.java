package io.multiimage.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepLedgerTest {

    @TempDir
    Path dir;

    @Test
    void aStepNeverRecordedMustRun() throws Exception {
        StepLedger ledger = new StepLedger(dir);
        StepLedger.Decision decision = ledger.check(
                "compile", Fingerprint.builder().value("cpu", "cortex-m3").build(), List.of());
        assertFalse(decision.upToDate());
        assertEquals(List.of("no record of a completed compile"), decision.reasons());
    }

    @Test
    void aStepWithUnchangedInputsAndOutputsIsUpToDate() throws Exception {
        Path source = Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");
        Path output = Files.writeString(dir.resolve("app.hex"), ":00000001FF\n");
        StepLedger ledger = new StepLedger(dir);
        Map<String, String> written = ledger.recordDone("compile", fingerprintOf(source), List.of(output));

        StepLedger.Decision decision = ledger.check("compile", fingerprintOf(source), List.of(output));

        assertTrue(decision.upToDate(), decision.reasons().toString());
        assertEquals(Map.of("app.hex", Fingerprint.sha256(output)), written);
        assertEquals(written, decision.outputDigests(), "the digests checked are handed on, not computed again");
    }

    @Test
    void aChangedSourceIsNamedAsTheReason() throws Exception {
        Path source = Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");
        Path output = Files.writeString(dir.resolve("app.hex"), ":00000001FF\n");
        StepLedger ledger = new StepLedger(dir);
        ledger.recordDone("compile", fingerprintOf(source), List.of(output));
        Files.writeString(source, "int main(void) { return 1; }\n");

        StepLedger.Decision decision = ledger.check("compile", fingerprintOf(source), List.of(output));

        assertEquals(List.of("src/main.c changed"), decision.reasons());
    }

    @Test
    void aModifiedOrMissingOutputForcesTheStep() throws Exception {
        Path source = Files.writeString(dir.resolve("main.c"), "x");
        Path hex = Files.writeString(dir.resolve("app.hex"), "a");
        Path bin = Files.writeString(dir.resolve("app.bin"), "b");
        StepLedger ledger = new StepLedger(dir);
        ledger.recordDone("link", fingerprintOf(source), List.of(hex, bin));
        Files.writeString(hex, "tampered");
        Files.delete(bin);

        StepLedger.Decision decision = ledger.check("link", fingerprintOf(source), List.of(hex, bin));

        assertEquals(
                List.of("output app.bin is missing", "output app.hex was modified since it was written"),
                decision.reasons());
    }

    @Test
    void anInvalidatedStepMustRunAgainAsAfterAnInterruptedBuild() throws Exception {
        Path source = Files.writeString(dir.resolve("main.c"), "x");
        StepLedger ledger = new StepLedger(dir);
        ledger.recordDone("compile", fingerprintOf(source), List.of());
        ledger.invalidate("compile");

        assertFalse(ledger.check("compile", fingerprintOf(source), List.of()).upToDate());
    }

    @Test
    void aDamagedRecordMakesTheStepRunAndSaysWhy() throws Exception {
        Path source = Files.writeString(dir.resolve("main.c"), "x");
        StepLedger ledger = new StepLedger(dir);
        ledger.recordDone("link", fingerprintOf(source), List.of());
        try (var records = Files.list(dir.resolve(".state"))) {
            Files.writeString(records.findFirst().orElseThrow(), "{ not a record }");
        }

        StepLedger.Decision decision = ledger.check("link", fingerprintOf(source), List.of());

        assertEquals(List.of("the record of the last link is incomplete or damaged"), decision.reasons());
    }

    @Test
    void aRecordCopiedIntoAnotherCheckoutChecksThatCheckoutsFiles(@TempDir Path elsewhere) throws Exception {
        Path checkout = dir.resolve("agent1");
        Path other = elsewhere.resolve("agent2");
        for (Path root : List.of(checkout, other)) {
            Files.createDirectories(root.resolve("include"));
            Files.createDirectories(root.resolve("target/img"));
            Files.writeString(root.resolve("include/shared.h"), "#define SHARED 1\n");
        }
        Path hex = Files.writeString(checkout.resolve("target/img/app.hex"), ":00000001FF\n");
        Fingerprint inputs = Fingerprint.builder().value("cpu", "cortex-m3").build();
        new StepLedger(checkout.resolve("target/img"), java.util.Optional.of(checkout))
                .recordDone("build", inputs, List.of(hex), List.of(checkout.resolve("include/shared.h")));
        // The outputs and the record arrive in the other checkout, as a build cache restores them.
        Files.createDirectories(other.resolve("target/img/.state"));
        Files.copy(hex, other.resolve("target/img/app.hex"));
        Files.copy(checkout.resolve("target/img/.state/build.record"), other.resolve("target/img/.state/build.record"));
        StepLedger restored = new StepLedger(other.resolve("target/img"), java.util.Optional.of(other));

        assertTrue(restored.check("build", inputs, List.of(other.resolve("target/img/app.hex")))
                .upToDate());
        Files.writeString(other.resolve("include/shared.h"), "#define SHARED 2\n");

        StepLedger.Decision decision = restored.check("build", inputs, List.of(other.resolve("target/img/app.hex")));
        assertFalse(decision.upToDate(), "the first checkout's unchanged header must not vouch for this one's");
        assertEquals(List.of("include/shared.h changed (the last build read it)"), decision.reasons());
    }

    @Test
    void aReadFileOutsideTheProjectIsRecordedByItsAbsolutePath(@TempDir Path sdk) throws Exception {
        Path header = Files.writeString(sdk.resolve("sdk.h"), "#define SDK 1\n");
        Path hex = Files.writeString(dir.resolve("app.hex"), ":00000001FF\n");
        Path project = Files.createDirectories(dir.resolve("project"));
        StepLedger ledger = new StepLedger(dir, java.util.Optional.of(project));
        Fingerprint inputs = Fingerprint.builder().value("cpu", "cortex-m3").build();
        ledger.recordDone("build", inputs, List.of(hex), List.of(header));
        Files.writeString(header, "#define SDK 2\n");

        assertEquals(
                List.of(header.toAbsolutePath().normalize() + " changed (the last build read it)"),
                ledger.check("build", inputs, List.of(hex)).reasons());
    }

    @Test
    void fingerprintChangesNameAddedAndRemovedEntries() {
        Fingerprint before =
                Fingerprint.builder().value("a", "1").value("b", "2").build();
        Fingerprint after =
                Fingerprint.builder().value("b", "3").value("c", "4").build();

        assertEquals(List.of("a removed", "b changed", "c added"), after.changesSince(before));
        assertEquals(List.of(), after.changesSince(after));
    }

    private static Fingerprint fingerprintOf(Path source) throws Exception {
        return Fingerprint.builder()
                .file("src/main.c", source)
                .value("cpu", "cortex-m3")
                .build();
    }
}
