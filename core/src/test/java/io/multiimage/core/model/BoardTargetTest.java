package io.multiimage.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardTargetTest {

    @Test
    void parsesRevisionInTheMiddleOfATarget() throws Exception {
        BoardTarget target = BoardTarget.parse("x", "nrf9151dk@0.9.0/nrf9151");
        assertEquals("nrf9151dk", target.name());
        assertEquals(Optional.of("0.9.0"), target.revision());
        assertEquals("nrf9151dk/nrf9151", target.target());
        assertEquals("nrf9151dk_nrf9151", target.fileToken());
        assertEquals("nrf9151dk@0.9.0/nrf9151", target.toString());
    }

    @Test
    void secureCounterpartDropsNsInBothForms() throws Exception {
        assertEquals(
                "nrf5340dk/nrf5340/cpuapp",
                BoardTarget.parse("x", "nrf5340dk/nrf5340/cpuapp/ns")
                        .secure()
                        .orElseThrow()
                        .target());
        assertEquals(
                "nrf9160dk_nrf9160",
                BoardTarget.parse("x", "nrf9160dk_nrf9160_ns")
                        .secure()
                        .orElseThrow()
                        .target());
        assertEquals(Optional.empty(), BoardTarget.parse("x", "qemu_cortex_m3").secure());
        assertEquals(
                Optional.empty(),
                BoardTarget.parse("x", "nrf5340dk/nrf5340/cpunet").secure());
    }
}
