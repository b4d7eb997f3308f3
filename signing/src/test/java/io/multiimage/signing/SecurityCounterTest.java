package io.multiimage.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecurityCounterTest {

    private static final ImageVersion VERSION = new ImageVersion(1, 2, 3, 4);

    @Test
    void parsesImgtoolSyntax() throws SigningException {
        assertEquals(SecurityCounter.AUTO, SecurityCounter.parse("auto"));
        assertEquals(SecurityCounter.AUTO, SecurityCounter.parse("AUTO"));
        assertEquals(42, SecurityCounter.parse("42").valueFor(VERSION).getAsLong());
        assertEquals(
                0xffffffffL,
                SecurityCounter.parse("0xffffffff").valueFor(VERSION).getAsLong());
    }

    @Test
    void autoFollowsTheVersionAndNoneHasNoValue() {
        assertEquals(0x01020003L, SecurityCounter.AUTO.valueFor(VERSION).getAsLong());
        assertEquals(true, SecurityCounter.NONE.valueFor(VERSION).isEmpty());
    }

    @Test
    void rejectsWhatIsNoCounter() {
        assertEquals(
                "the security counter 'soon' is neither 'auto' nor an integer (decimal or 0x-prefixed hex,"
                        + " 0-4294967295)",
                assertThrows(SigningException.class, () -> SecurityCounter.parse("soon"))
                        .getMessage());
        assertEquals(
                "the security counter 4294967296 is out of range 0-4294967295",
                assertThrows(SigningException.class, () -> SecurityCounter.parse("4294967296"))
                        .getMessage());
    }

    @Test
    void anExplicitCounterGoesIntoTheProtectedArea() throws SigningException {
        SignedImage image = McubootSigner.hashOnly(
                TestData.appBin(), TestData.build(TestData.common().securityCounter(SecurityCounter.of(0x11223344L))));
        byte[] bytes = image.bytes();
        // protected TLV area right after the image: info 0x6908/12, SEC_CNT 0x50/4, value LE
        assertEquals(
                "0869" + "0c00" + "5000" + "0400" + "44332211",
                io.multiimage.signing.format.Hex.of(java.util.Arrays.copyOfRange(bytes, 0x1204, 0x1210)));
        assertEquals(12, image.header().protectedTlvSize());
    }
}
