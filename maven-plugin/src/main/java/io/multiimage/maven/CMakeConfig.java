package io.multiimage.maven;

/**
 * {@code <cmake>}: settings of the {@code cmake} toolchain driver.
 *
 * <pre>{@code
 * <cmake>
 *   <generator>Ninja</generator>          <!-- default: CMake's -->
 *   <hexFile>zephyr/zephyr.hex</hexFile>  <!-- relative to the CMake build directory -->
 *   <elfFile>zephyr/zephyr.elf</elfFile>
 * </cmake>
 * }</pre>
 */
public class CMakeConfig {

    private String generator;
    private String hexFile;
    private String elfFile;

    public String getGenerator() {
        return generator;
    }

    public void setGenerator(String generator) {
        this.generator = generator;
    }

    public String getHexFile() {
        return hexFile;
    }

    public void setHexFile(String hexFile) {
        this.hexFile = hexFile;
    }

    public String getElfFile() {
        return elfFile;
    }

    public void setElfFile(String elfFile) {
        this.elfFile = elfFile;
    }
}
