package io.multiimage.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which project files a compile may read besides its fingerprinted sources, found from its arguments. */
class CompilerReadFilesTest {

    @TempDir
    Path project;

    @Test
    void includeOptionsNameDirectoriesAndFilesJoinedOrSeparate() {
        Path cwd = Path.of("/p/app/src");
        List<String> arguments = List.of(
                "-O2",
                "-Iinc",
                "-I",
                "../gen",
                "-iquote",
                "q",
                "-isystem/abs/sys",
                "-idirafter",
                "late",
                "-include",
                "pre.h",
                "-imacros",
                "m.h",
                "-I=sysroot-relative",
                "-DX=-Ino",
                "-isysroot",
                "/sdk");

        assertEquals(
                List.of(
                        cwd.resolve("inc"),
                        Path.of("/p/app/gen"),
                        cwd.resolve("q"),
                        Path.of("/abs/sys"),
                        cwd.resolve("late"),
                        cwd.resolve("pre.h"),
                        cwd.resolve("m.h")),
                CompilerReadFiles.named(arguments, cwd));
    }

    @Test
    void filesUnderTheSourcesOfOtherNamesAndUnderNamedDirectoriesInsideTheProjectAreRead() throws Exception {
        Path sources = project.resolve("app/src/main/c");
        Files.createDirectories(sources.resolve("sub"));
        Files.writeString(sources.resolve("main.c"), "int main(void) { return 0; }\n");
        Files.writeString(sources.resolve("sub/table.def"), "ENTRY(1)\n");
        Files.createDirectories(project.resolve("common"));
        Files.writeString(project.resolve("common/shared.h"), "#define S 1\n");
        Files.writeString(project.resolve("prefix.h"), "#define P 1\n");

        Set<String> read = CompilerReadFiles.of(
                        project,
                        sources,
                        List.of("-I../../../../common", "-include", "../../../../prefix.h", "-I/usr/include"),
                        BuildStage.C_SOURCES)
                .keySet();

        assertEquals(Set.of("read:app/src/main/c/sub/table.def", "read:common/shared.h", "read:prefix.h"), read);
    }
}
