package io.multiimage.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <exec>}: settings of the {@code exec} toolchain driver, which runs any command line
 * with the image's facts in environment variables and {@code ${...}} placeholders.
 *
 * <pre>{@code
 * <exec>
 *   <command>
 *     <arg>make</arg>
 *     <arg>FLASH_ORIGIN=${FIRMWARE_FLASH_ORIGIN}</arg>
 *   </command>
 *   <hexFile>build/out.hex</hexFile>        <!-- relative to the image's build directory -->
 * </exec>
 * }</pre>
 */
public class ExecConfig {

    private List<String> command = new ArrayList<>();
    private String workingDirectory;
    private String hexFile;
    private String elfFile;

    public List<String> getCommand() {
        return command;
    }

    public void setCommand(List<String> command) {
        this.command = command;
    }

    public String getWorkingDirectory() {
        return workingDirectory;
    }

    public void setWorkingDirectory(String workingDirectory) {
        this.workingDirectory = workingDirectory;
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
