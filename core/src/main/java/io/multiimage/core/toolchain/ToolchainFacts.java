package io.multiimage.core.toolchain;

import io.multiimage.core.InvalidConfigurationException;
import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The facts of a request as named values: exported as environment variables to the
 * {@code exec} and {@code cmake} drivers' commands, and usable as {@code ${NAME}} placeholders
 * in {@code exec} arguments and output paths.
 *
 * <table>
 *   <caption>Standard facts</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>FIRMWARE_IMAGE</td><td>image name</td></tr>
 *   <tr><td>FIRMWARE_BOARD</td><td>board target (may be empty)</td></tr>
 *   <tr><td>FIRMWARE_BUILD_TYPE</td><td>build type (may be empty)</td></tr>
 *   <tr><td>FIRMWARE_SOURCE_DIR, FIRMWARE_BUILD_DIR</td><td>absolute directories</td></tr>
 *   <tr><td>FIRMWARE_INCLUDE_DIRS</td><td>generated include directories, joined with the path separator</td></tr>
 *   <tr><td>FIRMWARE_DEFINES</td><td>{@code NAME=value} definitions, space separated, sorted</td></tr>
 *   <tr><td>FIRMWARE_FLASH_ORIGIN, FIRMWARE_FLASH_SIZE, FIRMWARE_FLASH_END</td><td>the flash partition, hex</td></tr>
 *   <tr><td>FIRMWARE_FLASH_BASE</td><td>where the flash holding the partition starts ({@code zephyr,flash}), hex</td></tr>
 *   <tr><td>FIRMWARE_FLASH_LOAD_OFFSET</td><td>the partition's offset into that flash (Zephyr's
 *       {@code CONFIG_FLASH_LOAD_OFFSET}), hex</td></tr>
 *   <tr><td>FIRMWARE_RAM_ORIGIN, FIRMWARE_RAM_SIZE, FIRMWARE_RAM_END</td><td>the RAM, hex</td></tr>
 *   <tr><td>FIRMWARE_CPU, FIRMWARE_FPU, FIRMWARE_FLOAT_ABI</td><td>CPU facts (FPU and ABI may be empty)</td></tr>
 *   <tr><td>FIRMWARE_CONF_FILES, FIRMWARE_EXTRA_CONF_FILES, FIRMWARE_DTC_OVERLAY_FILES</td><td>file lists joined with {@code ;}</td></tr>
 *   <tr><td>FIRMWARE_VERBOSE</td><td>{@code 1} or {@code 0}</td></tr>
 *   <tr><td>FIRMWARE_PARALLEL</td><td>parallel level</td></tr>
 *   <tr><td>CMAKE_BUILD_PARALLEL_LEVEL</td><td>parallel level, for nested CMake builds</td></tr>
 *   <tr><td>VERBOSE</td><td>{@code 1}, only when verbose (honoured by make and CMake)</td></tr>
 * </table>
 *
 * <p>The request's own {@link ToolchainRequest#facts() facts} are added under their names; they
 * may not redefine a standard fact.
 */
public final class ToolchainFacts {

    private ToolchainFacts() {}

    /** All facts of {@code request}, sorted by name. */
    public static Map<String, String> of(ToolchainRequest request) throws InvalidConfigurationException {
        Map<String, String> facts = new TreeMap<>();
        facts.put("FIRMWARE_IMAGE", request.imageName());
        facts.put("FIRMWARE_BOARD", request.board());
        facts.put("FIRMWARE_BUILD_TYPE", request.buildType());
        facts.put("FIRMWARE_SOURCE_DIR", request.sourceDir().toString());
        facts.put("FIRMWARE_BUILD_DIR", request.buildDir().toString());
        facts.put("FIRMWARE_INCLUDE_DIRS", join(request.includeDirs(), File.pathSeparator));
        StringJoiner defines = new StringJoiner(" ");
        request.defines().forEach((name, value) -> defines.add(value.isEmpty() ? name : name + "=" + value));
        facts.put("FIRMWARE_DEFINES", defines.toString());
        facts.put("FIRMWARE_FLASH_ORIGIN", MemoryRegion.hex(request.flash().origin()));
        facts.put("FIRMWARE_FLASH_SIZE", MemoryRegion.hex(request.flash().size()));
        facts.put("FIRMWARE_FLASH_END", MemoryRegion.hex(request.flash().end()));
        facts.put("FIRMWARE_FLASH_BASE", MemoryRegion.hex(request.flashBase()));
        facts.put("FIRMWARE_FLASH_LOAD_OFFSET", MemoryRegion.hex(request.loadOffset()));
        facts.put("FIRMWARE_RAM_ORIGIN", MemoryRegion.hex(request.ram().origin()));
        facts.put("FIRMWARE_RAM_SIZE", MemoryRegion.hex(request.ram().size()));
        facts.put("FIRMWARE_RAM_END", MemoryRegion.hex(request.ram().end()));
        facts.put("FIRMWARE_CPU", request.cpu().cpu());
        facts.put("FIRMWARE_FPU", request.cpu().fpu().orElse(""));
        facts.put("FIRMWARE_FLOAT_ABI", request.cpu().floatAbi());
        facts.put("FIRMWARE_CONF_FILES", join(request.confFiles(), ";"));
        facts.put("FIRMWARE_EXTRA_CONF_FILES", join(request.extraConfFiles(), ";"));
        facts.put("FIRMWARE_DTC_OVERLAY_FILES", join(request.dtcOverlayFiles(), ";"));
        facts.put("FIRMWARE_VERBOSE", request.verbose() ? "1" : "0");
        facts.put("FIRMWARE_PARALLEL", Integer.toString(request.parallelism()));
        facts.put("CMAKE_BUILD_PARALLEL_LEVEL", Integer.toString(request.parallelism()));
        if (request.verbose()) {
            facts.put("VERBOSE", "1");
        }
        for (Map.Entry<String, String> extra : request.facts().entrySet()) {
            if (facts.containsKey(extra.getKey())) {
                throw new InvalidConfigurationException("Image '" + request.imageName() + "': fact " + extra.getKey()
                        + " is set by the build itself and cannot be given");
            }
            facts.put(extra.getKey(), extra.getValue());
        }
        return Collections.unmodifiableMap(facts);
    }

    private static String join(List<Path> paths, String separator) {
        StringJoiner joined = new StringJoiner(separator);
        for (Path path : paths) {
            joined.add(path.toString());
        }
        return joined.toString();
    }
}
