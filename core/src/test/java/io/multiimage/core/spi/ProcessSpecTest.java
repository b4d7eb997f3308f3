package io.multiimage.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessSpecTest {

    @Test
    void commandLineQuotesOnlyArgumentsThatNeedIt() {
        assertEquals(
                "arm-none-eabi-gcc -DNAME=1 -c main.c '-DGREETING=\"hi there\"' 'it'\\''s' ''",
                ProcessSpec.commandLine(List.of(
                        "arm-none-eabi-gcc", "-DNAME=1", "-c", "main.c", "-DGREETING=\"hi there\"", "it's", "")));
    }

    @Test
    void withersReturnModifiedCopiesAndKeepTheOriginal() {
        ProcessSpec base = ProcessSpec.of(List.of("make"));
        ProcessSpec changed = base.workingDir(Path.of("/tmp"))
                .env(Map.of("A", "1"))
                .env(Map.of("B", "2", "A", "3"))
                .timeout(Duration.ofSeconds(5))
                .tailLines(7)
                .withoutInheritedEnv();
        assertEquals(null, base.workingDir());
        assertTrue(base.inheritEnv());
        assertEquals(ProcessSpec.DEFAULT_TIMEOUT, base.timeout());
        assertEquals(Path.of("/tmp"), changed.workingDir());
        assertEquals(Map.of("A", "3", "B", "2"), changed.env());
        assertEquals(Duration.ofSeconds(5), changed.timeout());
        assertEquals(7, changed.tailLines());
        assertFalse(changed.inheritEnv());
    }

    @Test
    void rejectsEmptyCommandAndNonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class, () -> ProcessSpec.of(List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> ProcessSpec.of(List.of("x")).timeout(Duration.ZERO));
    }
}
