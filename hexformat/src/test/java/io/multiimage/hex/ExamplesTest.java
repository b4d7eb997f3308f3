package io.multiimage.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.testkit.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped example files are exactly what {@link ExampleImages} generates, are strict
 * Intel HEX, and merge cleanly with the default policies. Regenerate them with
 * {@code ./mvnw -B -q -pl hexformat -am test -Dtest=ExamplesTest -Dsurefire.failIfNoSpecifiedTests=false -Dhexformat.writeExamples=true}.
 */
class ExamplesTest {

    private static Path dir() {
        return ProjectPaths.root().resolve("examples/hex");
    }

    @Test
    void examplesAreTheGeneratedFilesAndMergeCleanly() throws Exception {
        Map<String, MemoryImage> images = ExampleImages.all();
        if (Boolean.getBoolean("hexformat.writeExamples")) {
            for (Map.Entry<String, MemoryImage> e : images.entrySet()) {
                IntelHex.write(e.getValue(), dir().resolve(e.getKey()));
            }
        }
        List<NamedImage> inputs = new ArrayList<>();
        for (Map.Entry<String, MemoryImage> e : images.entrySet()) {
            Path file = dir().resolve(e.getKey());
            assertEquals(Texts.hexText(e.getValue()), Files.readString(file), file + " is out of date");
            inputs.add(new NamedImage(e.getKey(), IntelHex.read(file)));
        }
        MemoryImage merged = ImageMerger.merge(inputs, OverlapPolicy.ERROR, StartPolicy.ERROR);
        assertEquals(3, merged.segments().size());
        assertEquals(StartAddress.linear(0x41), merged.startAddress().orElseThrow());
    }
}
