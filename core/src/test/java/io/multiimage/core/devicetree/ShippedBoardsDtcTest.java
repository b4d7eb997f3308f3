package io.multiimage.core.devicetree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.board.Board;
import io.multiimage.core.board.BoardCatalog;
import io.multiimage.core.board.BoardDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped boards, alone (every revision) and with realistic application overlays that
 * use {@code #include} and macros, merged by us and by Zephyr's recipe
 * ({@code cpp -nostdinc -undef -x assembler-with-cpp -P}, then dtc): byte-identical.
 */
class ShippedBoardsDtcTest {

    @TempDir
    Path work;

    static Stream<Arguments> boardsAndRevisions() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (BoardDefinition board : BoardCatalog.shipped().boards()) {
            cases.add(Arguments.of(board.name()));
            for (String revision : board.revisions()) {
                cases.add(Arguments.of(board.name() + "@" + revision));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boardsAndRevisions")
    void boardDevicetreeMatchesCppAndDtc(String nameAndRevision) throws Exception {
        String[] parts = nameAndRevision.split("@");
        Board board = BoardCatalog.shipped().lookup(parts[0], parts.length > 1 ? parts[1] : null);
        String reference = Dtc.mergedWithCpp(board.dts(), board.boardOverlays(), board.includeDirs(), work);
        assertEquals(reference, DtsWriter.toDts(board.devicetree()));
    }

    static List<String> overlayCases() {
        return Fixtures.subdirectories("board-overlays");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlayCases")
    void applicationOverlaysOnShippedBoardsMatchCppAndDtc(String name) throws Exception {
        Path dir = Fixtures.dir("board-overlays/" + name);
        Board board = BoardCatalog.shipped()
                .lookup(Fixtures.read(dir.resolve("board")).strip());
        List<Path> overlays = new ArrayList<>(board.boardOverlays());
        overlays.addAll(Fixtures.overlays(dir));
        String reference = Dtc.mergedWithCpp(board.dts(), overlays, board.includeDirs(), work);
        DeviceTree ours = new DevicetreeMerger().merge(board.dts(), overlays, board.includeDirs());
        assertEquals(reference, DtsWriter.toDts(ours));
    }
}
