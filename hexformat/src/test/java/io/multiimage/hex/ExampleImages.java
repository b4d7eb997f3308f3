package io.multiimage.hex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The example HEX files shipped in {@code examples/hex/} for the README's quick start, built
 * deterministically: a bootloader at 0x0 (with the start address), an application at 0x8000
 * and a settings page at 0x3F000. They merge cleanly with the default policies.
 */
final class ExampleImages {

    private ExampleImages() {}

    static Map<String, MemoryImage> all() {
        Map<String, MemoryImage> images = new LinkedHashMap<>();
        images.put("bootloader.hex", firmware(0x0000_0000L, 1536, 101));
        images.get("bootloader.hex").setStartAddress(StartAddress.linear(0x0000_0041L));
        images.put("app.hex", firmware(0x0000_8000L, 6144, 202));
        MemoryImage settings = new MemoryImage();
        settings.write(
                0x0003_F000L,
                "board=nrf52840dk\nslot=0\nlog=info\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        images.put("settings.hex", settings);
        return images;
    }

    /** A vector table (initial stack pointer, reset handler) followed by pseudo-random "code". */
    private static MemoryImage firmware(long base, int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        java.nio.ByteBuffer.wrap(data)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(0x2001_0000)
                .putInt((int) (base + 0x41));
        MemoryImage image = new MemoryImage();
        image.write(base, data);
        return image;
    }
}
