package io.multiimage.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

    @Test
    void oneEditInAShortNameIsAMisspelling() {
        assertEquals(Optional.of("ssbl"), ClosestName.among("sbl", List.of("app", "ssbl", "mcuboot_primary")));
        assertEquals(Optional.of("mcuboot"), ClosestName.among("mcubot", List.of("b0", "mcuboot")));
    }

    @Test
    void swappedNeighboursCountAsOneEdit() {
        assertEquals(1, ClosestName.distance("mcuboot", "mcuobot"));
        assertEquals(Optional.of("mcuboot"), ClosestName.among("mcuobot", List.of("mcuboot")));
    }

    @Test
    void caseIsIgnored() {
        assertEquals(0, ClosestName.distance("MCUBOOT", "mcuboot"));
        assertEquals(Optional.of("mcuboot"), ClosestName.among("MCUBOOT", List.of("mcuboot")));
        assertEquals(Optional.of("B0"), ClosestName.among("b0", List.of("B0")));
    }

    @Test
    void namesFartherThanOneEditPerThreeCharactersAreNoSuggestion() {
        assertEquals(Optional.empty(), ClosestName.among("foo", List.of("mcuboot", "b0")));
        assertEquals(Optional.empty(), ClosestName.among("hci_ipc", List.of("hci_rpmsg")));
        // two edits in a seven-character name are still a misspelling, three are not
        assertEquals(2, ClosestName.distance("mcbooot", "mcuboot"));
        assertEquals(Optional.of("mcuboot"), ClosestName.among("mcbooot", List.of("mcuboot")));
        assertEquals(3, ClosestName.distance("mcboooo", "mcuboot"));
        assertEquals(Optional.empty(), ClosestName.among("mcboooo", List.of("mcuboot")));
        // the shorter name counts: two edits from a five-character name are too many
        assertEquals(Optional.empty(), ClosestName.among("mcbot", List.of("mcuboot")));
    }

    @Test
    void twoCharacterNamesAreTooShortToGuess() {
        assertEquals(Optional.empty(), ClosestName.among("b0", List.of("s0", "b0n")));
    }

    @Test
    void theNameItselfIsNoSuggestionAndTiesGoToTheAlphabeticallyFirst() {
        assertEquals(Optional.empty(), ClosestName.among("ssbl", List.of("ssbl")));
        assertEquals(Optional.of("boota"), ClosestName.among("boot", List.of("bootb", "boota")));
        assertEquals(Optional.of("boota"), ClosestName.among("boot", List.of("boota", "bootb")));
        assertEquals(Optional.of("boot"), ClosestName.among("bot", List.of("boota", "boot")));
    }
}
