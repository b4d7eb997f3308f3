package io.multiimage.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.InvalidConfigurationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetTest {

    private static final String WHERE = "<report><budgets><budget><flash> of app/pom.xml";

    @ParameterizedTest
    @CsvSource({
        "98304, 98304",
        "0x18000, 98304",
        "96K, 98304",
        "96k, 98304",
        "96KiB, 98304",
        "96KB, 98304",
        "1M, 1048576",
        "1MiB, 1048576",
        "' 96K ', 98304"
    })
    void sizesAreBytesWithKAndMBeing1024(String text, long bytes) throws Exception {
        Budget.Limit limit = Budget.Limit.parse(text, WHERE);

        assertEquals(Optional.of(bytes), limit.bytes());
        assertEquals(bytes, limit.bytesOf(1 << 20), "a size ignores the partition's size");
    }

    @Test
    void aPercentageIsAShareOfThePartitionRoundedDown() throws Exception {
        Budget.Limit limit = Budget.Limit.parse("87.5%", WHERE);

        assertEquals(7, limit.bytesOf(8));
        assertEquals(45875, Budget.Limit.parse("70%", WHERE).bytesOf(65536));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "90 percent|",
                "|",
                "-5%|",
                "0%|(a percentage must be above 0% and at most 100%)",
                "120%|(a percentage must be above 0% and at most 100%)",
                "0|(a size must be above 0 and at most 4G)",
                "96G|",
                "99999999999999999999|(the number is too large)"
            })
    void badSyntaxNamesTheSettingAndTheFormsExpected(String text, String why) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> Budget.Limit.parse(text, WHERE));

        assertEquals(
                WHERE + ": '" + (text == null ? "" : text) + "' is not a memory budget" + (why == null ? "" : " " + why)
                        + "; expected a percentage of the image's partition such as 90% or 87.5%, or a size in bytes such as"
                        + " 98304, 0x18000, 96K (96KiB) or 1M",
                e.getMessage());
    }

    @Test
    void aVerdictNamesTheImageItsSizeTheLimitAndWhereItWasDeclared() throws Exception {
        Budget budget = new Budget("app", Budget.Memory.FLASH, Budget.Limit.parse("70%", WHERE), "app/pom.xml");

        BudgetVerdict over = BudgetVerdict.of(budget, Optional.of(new Fill(50212, 65536)));
        BudgetVerdict within = BudgetVerdict.of(budget, Optional.of(new Fill(45875, 65536)));

        assertTrue(over.exceeded());
        assertEquals("exceeded", over.status());
        assertEquals(
                "image 'app' uses 50212 bytes of flash (76.6% of its 65536 bytes), over its limit of 70% (45875"
                        + " bytes) declared in app/pom.xml",
                over.describe());
        assertFalse(within.exceeded(), "exactly at the limit passes");
        assertEquals("passed", within.status());
    }

    @Test
    void aMemoryThatCannotBeMeasuredIsUncheckedNotPassed() throws Exception {
        Budget budget = new Budget("net", Budget.Memory.RAM, Budget.Limit.parse("32K", WHERE), "app/pom.xml");

        BudgetVerdict verdict = BudgetVerdict.of(budget, Optional.empty());

        assertFalse(verdict.exceeded());
        assertEquals("unchecked", verdict.status());
        assertEquals(
                "image 'net': its RAM use is unknown, so its limit of 32K declared in app/pom.xml was not" + " checked",
                verdict.describe());
    }

    @Test
    void exceededBudgetsFailWithEveryImageOverItsLimit() throws Exception {
        BudgetVerdict a = BudgetVerdict.of(
                new Budget("app", Budget.Memory.FLASH, Budget.Limit.parse("1K", WHERE), "app/pom.xml"),
                Optional.of(new Fill(2048, 65536)));
        BudgetVerdict b = BudgetVerdict.of(
                new Budget("boot", Budget.Memory.RAM, Budget.Limit.parse("10%", WHERE), "app/pom.xml"),
                Optional.of(new Fill(8192, 65536)));

        BudgetExceededException e = new BudgetExceededException(java.util.List.of(a, b));

        assertEquals(
                "Memory budget exceeded: image 'app' uses 2048 bytes of flash (3.1% of its 65536 bytes), over"
                        + " its limit of 1K declared in app/pom.xml; image 'boot' uses 8192 bytes of RAM (12.5% of its 65536"
                        + " bytes), over its limit of 10% (6553 bytes) declared in app/pom.xml. Make the image smaller, or"
                        + " raise its limit where it is declared (see memory-report.html)",
                e.getMessage());
    }
}
