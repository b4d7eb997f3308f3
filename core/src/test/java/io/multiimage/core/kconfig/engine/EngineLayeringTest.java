package io.multiimage.core.kconfig.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine depends on the JDK only: no class of {@code io.multiimage.core.kconfig.engine}
 * refers to another multiimage package (so it can move to a module of its own).
 */
class EngineLayeringTest {

    private static final String ENGINE = "io/multiimage/core/kconfig/engine/";

    @Test
    void engineClassesReferToNoOtherMultiimagePackage() throws Exception {
        Path dir = Path.of("target", "classes").resolve(ENGINE);
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        Pattern reference = Pattern.compile("io/multiimage/[A-Za-z0-9_/$]+");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                scanned++;
                Matcher m = reference.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    if (!m.group().startsWith(ENGINE)) {
                        offenders.add(file.getFileName() + " -> " + m.group());
                    }
                }
            }
        }
        assertTrue(scanned > 20, "scanned only " + scanned + " classes in " + dir);
        assertEquals(List.of(), offenders);
    }
}
