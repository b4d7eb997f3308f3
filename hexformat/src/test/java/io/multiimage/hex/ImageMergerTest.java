package io.multiimage.hex;

import static io.multiimage.hex.Texts.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageMergerTest {

    private static MemoryImage image(long address, int... values) {
        MemoryImage image = new MemoryImage();
        image.write(address, bytes(values));
        return image;
    }

    private static MemoryImage withStart(MemoryImage image, StartAddress start) {
        image.setStartAddress(start);
        return image;
    }

    private static MemoryImage merge(OverlapPolicy overlap, StartPolicy start, NamedImage... inputs)
            throws ImageException {
        return ImageMerger.merge(List.of(inputs), overlap, start);
    }

    @Test
    void disjointInputsAreCombined() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.ERROR,
                StartPolicy.ERROR,
                new NamedImage("boot.hex", image(0, 1, 2)),
                new NamedImage("app.hex", image(0x8000, 3)));
        assertEquals(List.of(new Segment(0, 2), new Segment(0x8000, 1)), merged.segments());
    }

    @Test
    void overlapIsAnErrorNamingBothInputsAndTheRange() {
        MemoryImage big = new MemoryImage();
        big.fill(0x1000, 0x1000, (byte) 1);
        MemoryImage other = new MemoryImage();
        other.fill(0x1800, 0x1000, (byte) 1);
        OverlapException e = assertThrows(
                OverlapException.class,
                () -> merge(
                        OverlapPolicy.ERROR,
                        StartPolicy.ERROR,
                        new NamedImage("boot.hex", big),
                        new NamedImage("app.hex", other)));
        assertEquals("boot.hex", e.firstInput());
        assertEquals("app.hex", e.secondInput());
        assertEquals(0x1800, e.start());
        assertEquals(0x2000, e.end());
        assertEquals("app.hex: overlaps boot.hex at 0x00001800-0x00001fff (2048 bytes)", e.getMessage());
        assertEquals(
                List.of(new Problem("app.hex", 0, "overlaps boot.hex at 0x00001800-0x00001fff (2048 bytes)")),
                e.problems());
    }

    @Test
    void overlapNamesTheInputThatOwnsTheLowestSharedAddress() {
        OverlapException e = assertThrows(
                OverlapException.class,
                () -> merge(
                        OverlapPolicy.ERROR,
                        StartPolicy.ERROR,
                        new NamedImage("a", image(0x10, 1)),
                        new NamedImage("b", image(0x5, 1)),
                        new NamedImage("c", image(0x5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))));
        assertEquals("b", e.firstInput());
        assertEquals(0x5, e.start());
        assertEquals(0x6, e.end());
    }

    @Test
    void replaceLetsTheLaterInputWin() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.REPLACE,
                StartPolicy.ERROR,
                new NamedImage("a", image(0, 1, 1, 1)),
                new NamedImage("b", image(1, 2)));
        assertEquals(List.of(1, 2, 1), List.of(merged.get(0), merged.get(1), merged.get(2)));
    }

    @Test
    void ignoreKeepsTheEarlierInput() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.IGNORE,
                StartPolicy.ERROR,
                new NamedImage("a", image(0, 1, 1, 1)),
                new NamedImage("b", image(1, 2, 2, 2)));
        assertEquals(List.of(1, 1, 1, 2), List.of(merged.get(0), merged.get(1), merged.get(2), merged.get(3)));
    }

    @Test
    void identicalAcceptsEqualBytes() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.IDENTICAL,
                StartPolicy.ERROR,
                new NamedImage("a", image(0, 1, 2, 3)),
                new NamedImage("b", image(1, 2, 3, 4)));
        assertEquals(4, merged.size());
    }

    @Test
    void identicalRejectsDifferentBytesWithTheDifferingRange() {
        OverlapException e = assertThrows(
                OverlapException.class,
                () -> merge(
                        OverlapPolicy.IDENTICAL,
                        StartPolicy.ERROR,
                        new NamedImage("a", image(0, 1, 2, 3, 4, 5)),
                        new NamedImage("b", image(1, 2, 9, 9, 5))));
        assertEquals(2, e.start());
        assertEquals(4, e.end());
        assertEquals(
                "b: overlaps a at 0x00000002-0x00000003 (2 bytes) with different bytes; first difference at"
                        + " 0x00000002: a has 0x03, b has 0x09",
                e.getMessage());
    }

    @Test
    void failedAddLeavesTheResultUnchanged() throws Exception {
        ImageMerger merger = new ImageMerger(OverlapPolicy.ERROR, StartPolicy.ERROR);
        merger.add("a", image(0, 1));
        MemoryImage clash = image(0, 2, 3);
        assertThrows(OverlapException.class, () -> merger.addAndConsume("b", clash));
        assertEquals(2, clash.size(), "the input is untouched when the add fails");
        assertEquals(image(0, 1), merger.result());
    }

    @Test
    void addCopiesAndAddAndConsumeTakesOver() throws Exception {
        MemoryImage a = image(0, 1);
        MemoryImage b = image(0x10000, 2);
        ImageMerger merger = new ImageMerger(OverlapPolicy.ERROR, StartPolicy.ERROR)
                .add("a", a)
                .addAndConsume("b", b);
        assertEquals(1, a.size());
        assertTrue(b.isEmpty());
        assertEquals(2, merger.result().size());
    }

    @Test
    void startPolicyFirstKeepsTheFirstStartAddress() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.ERROR,
                StartPolicy.FIRST,
                new NamedImage("a", image(0, 1)),
                new NamedImage("b", withStart(image(1, 1), StartAddress.linear(0x101))),
                new NamedImage("c", withStart(image(2, 1), StartAddress.linear(0x201))));
        assertEquals(Optional.of(StartAddress.linear(0x101)), merged.startAddress());
    }

    @Test
    void startPolicyLastKeepsTheLastStartAddress() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.ERROR,
                StartPolicy.LAST,
                new NamedImage("a", withStart(image(1, 1), StartAddress.linear(0x101))),
                new NamedImage("b", withStart(image(2, 1), StartAddress.segmented(0, 0x201))),
                new NamedImage("c", image(3, 1)));
        assertEquals(Optional.of(StartAddress.segmented(0, 0x201)), merged.startAddress());
    }

    @Test
    void startPolicyNoneDropsStartAddresses() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.ERROR,
                StartPolicy.NONE,
                new NamedImage("a", withStart(image(1, 1), StartAddress.linear(0x101))));
        assertEquals(Optional.empty(), merged.startAddress());
    }

    @Test
    void startPolicyErrorRejectsDifferentStartAddresses() {
        StartAddressConflictException e = assertThrows(
                StartAddressConflictException.class,
                () -> merge(
                        OverlapPolicy.ERROR,
                        StartPolicy.ERROR,
                        new NamedImage("boot.hex", withStart(image(1, 1), StartAddress.linear(0x101))),
                        new NamedImage("app.hex", withStart(image(2, 1), StartAddress.linear(0x8001)))));
        assertEquals("boot.hex", e.firstInput());
        assertEquals("app.hex", e.secondInput());
        assertEquals(StartAddress.linear(0x101), e.firstStart());
        assertEquals(StartAddress.linear(0x8001), e.secondStart());
        assertEquals(
                "app.hex: start address linear 0x00008001 conflicts with start address linear 0x00000101 of"
                        + " boot.hex; choose which to keep (start policy first, last or none)",
                e.problems().get(0).toString());
    }

    @Test
    void startPolicyErrorAcceptsAgreeingStartAddresses() throws Exception {
        MemoryImage merged = merge(
                OverlapPolicy.ERROR,
                StartPolicy.ERROR,
                new NamedImage("a", withStart(image(1, 1), StartAddress.segmented(0x0010, 0x0001))),
                new NamedImage("b", withStart(image(2, 1), StartAddress.linear(0x101))));
        assertEquals(Optional.of(StartAddress.segmented(0x0010, 0x0001)), merged.startAddress());
    }

    @Test
    void policiesParseTheirCliNames() {
        assertEquals(OverlapPolicy.IDENTICAL, OverlapPolicy.parse("identical"));
        assertEquals(StartPolicy.LAST, StartPolicy.parse("LAST"));
        assertEquals("replace", OverlapPolicy.REPLACE.cliName());
        assertThrows(IllegalArgumentException.class, () -> OverlapPolicy.parse("merge"));
        assertThrows(IllegalArgumentException.class, () -> StartPolicy.parse(""));
    }
}
