package io.multiimage.core.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningSlotsTest {

    @Test
    void theApplicationBehindMcubootPadIsSignedForThePrimarySlotWithNcsNames() throws Exception {
        SigningSlot slot = SigningSlots.find("app", "app", Layouts.mcuboot("")).orElseThrow();

        assertEquals(new SlotPartition("mcuboot_primary", 0x10000, 0x20000), slot.slot());
        assertEquals(new SlotPartition("mcuboot_pad", 0x10000, 0x200), slot.header());
        assertEquals(Optional.of(new SlotPartition("mcuboot_secondary", 0x30000, 0x20000)), slot.secondary());
        assertEquals("app_signed.hex", slot.signedHexName());
        assertTrue(slot.isMcubootApplication());
    }

    @Test
    void anotherDomainsApplicationSlotGivesTheNetworkCoreNames() throws Exception {
        SigningSlot slot =
                SigningSlots.find("netcore", "app", Layouts.mcuboot("CPUNET")).orElseThrow();

        assertEquals("net_core_app_moved_test_update.hex", slot.movedTestUpdateHexName());
    }

    @Test
    void aSecondStageInS0IsSignedUnderItsOwnNameWithS1AsSecondary() throws Exception {
        var layout = Layouts.of("b0: {address: 0x0, size: 0x8000}\n"
                + "s0_pad: {address: 0x8000, size: 0x200}\n"
                + "mcuboot: {address: 0x8200, size: 0x7e00}\n"
                + "s0: {address: 0x8000, size: 0x8000, span: [s0_pad, mcuboot]}\n"
                + "s1: {address: 0x10000, size: 0x8000, span: [s1_pad, s1_image]}\n");

        SigningSlot slot = SigningSlots.find("mcuboot", "mcuboot", layout).orElseThrow();

        assertEquals("s0", slot.slot().name());
        assertEquals("mcuboot_signed.hex", slot.signedHexName());
        assertEquals("s1", slot.secondary().orElseThrow().name());
        assertTrue(!slot.isMcubootApplication());
    }

    @Test
    void noPadInFrontMeansNoSlot() throws Exception {
        var withoutPad = Layouts.of("mcuboot: {address: 0x0, size: 0x10000}\napp: {address: 0x10000, size: 0x30000}\n");
        var padNotInFront = Layouts.of("pad_pad: {address: 0x10000, size: 0x200}\n"
                + "app: {address: 0x10400, size: 0x1fc00}\n"
                + "slot0: {address: 0x10000, size: 0x20000, span: [pad_pad, app]}\n");
        var notAPad = Layouts.of("header: {address: 0x10000, size: 0x200}\n"
                + "app: {address: 0x10200, size: 0x1fe00}\n"
                + "slot0: {address: 0x10000, size: 0x20000, span: [header, app]}\n");

        assertEquals(Optional.empty(), SigningSlots.find("app", "app", withoutPad));
        assertEquals(Optional.empty(), SigningSlots.find("app", "app", padNotInFront));
        assertEquals(Optional.empty(), SigningSlots.find("app", "app", notAPad));
        assertEquals(Optional.empty(), SigningSlots.find("mcuboot", "mcuboot", Layouts.mcuboot("")));
    }
}
