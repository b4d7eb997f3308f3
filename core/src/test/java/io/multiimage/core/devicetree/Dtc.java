package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.fail;

import io.multiimage.testkit.ReferenceTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the reference: Debian's dtc 1.6.1 on the concatenation of a board file and overlays,
 * built with {@code /include/} lines (or, for sources with C preprocessor directives, with
 * {@code #include} lines run through {@code cpp} first, as Zephyr does).
 */
final class Dtc {

    private Dtc() {}

    /** dtc's {@code -O dts} output for board + overlays; fails the test if dtc fails. */
    static String merged(Path board, List<Path> overlays, Path workDir) {
        ReferenceTools.Result result = run(board, overlays, List.of(), false, workDir);
        result.assertSuccess();
        return result.stdout();
    }

    /** The same with {@code cpp -nostdinc -undef -x assembler-with-cpp -P} in front. */
    static String mergedWithCpp(Path board, List<Path> overlays, List<Path> includeDirs, Path workDir) {
        ReferenceTools.Result result = run(board, overlays, includeDirs, true, workDir);
        result.assertSuccess();
        return result.stdout();
    }

    /** Runs dtc on board + overlays and returns whatever happened. */
    static ReferenceTools.Result run(
            Path board, List<Path> overlays, List<Path> includeDirs, boolean cpp, Path workDir) {
        Path dtc = ReferenceTools.require("dtc", "device-tree-compiler");
        try {
            List<String> lines = new ArrayList<>();
            lines.add((cpp ? "#include \"" : "/include/ \"") + board.toAbsolutePath() + "\"");
            for (Path overlay : overlays) {
                lines.add((cpp ? "#include \"" : "/include/ \"") + overlay.toAbsolutePath() + "\"");
            }
            Path input = Files.createTempFile(workDir, "dtc-input", cpp ? ".S" : ".dts");
            Files.write(input, lines);
            if (cpp) {
                Path gcc = ReferenceTools.require("cpp", "cpp");
                List<String> command = new ArrayList<>(
                        List.of(gcc.toString(), "-nostdinc", "-undef", "-x", "assembler-with-cpp", "-P"));
                for (Path dir : includeDirs) {
                    command.add("-I");
                    command.add(dir.toAbsolutePath().toString());
                }
                command.add(input.toString());
                ReferenceTools.Result preprocessed = ReferenceTools.run(command, workDir, 60);
                preprocessed.assertSuccess();
                input = Files.createTempFile(workDir, "dtc-preprocessed", ".dts");
                Files.writeString(input, preprocessed.stdout());
            }
            return ReferenceTools.run(
                    List.of(dtc.toString(), "-q", "-I", "dts", "-O", "dts", input.toString()), workDir, 60);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line number in dtc's first {@code FILE:LINE.COL} diagnostic. */
    static int firstErrorLine(String stderr) {
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile(":(\\d+)\\.\\d+").matcher(stderr);
        if (!matcher.find()) {
            fail("dtc printed no location: " + stderr);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
