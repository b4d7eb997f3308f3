package io.multiimage.core.board;

import io.multiimage.core.InvalidConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one board directory. {@code board.properties} keys:
 *
 * <pre>
 * name=nrf52840dk/nrf52840        required; its file name (/ → _) must be the directory name
 * soc=nrf52840                    optional
 * domain=CPUAPP                   optional, default CPUAPP
 * cpu=cortex-m4                   required, gcc -mcpu
 * cpu.thumb=true                  optional, default true
 * cpu.fpu=fpv4-sp-d16             optional, gcc -mfpu; absent or "none" = no FPU
 * cpu.float-abi=hard              optional, default hard with an FPU, soft without
 * qemu.machine=lm3s6965evb        optional
 * revisions=0.7.0,0.14.0          optional, comma separated
 * revision.default=0.7.0          optional, one of revisions
 * dts=nrf52840dk_nrf52840.dts     optional, default FILE_NAME.dts
 * domain.CPUNET.board=nrf5340dk/nrf5340/cpunet
 *                                 optional, one per other domain: the board that defines it
 *                                 (the seed's CONFIG_DOMAIN_CPUNET_BOARD)
 * </pre>
 */
final class BoardLoader {

    static final String PROPERTIES_FILE = "board.properties";

    private static final Set<String> KEYS = new TreeSet<>(Arrays.asList(
            "name",
            "soc",
            "domain",
            "cpu",
            "cpu.thumb",
            "cpu.fpu",
            "cpu.float-abi",
            "cpu.cmse",
            "memory.alias-offset",
            "qemu.machine",
            "revisions",
            "revision.default",
            "dts",
            "description"));

    private static final Pattern DOMAIN_BOARD_KEY = Pattern.compile("domain\\.([A-Za-z0-9_]+)\\.board");

    private BoardLoader() {}

    static BoardDefinition load(Path dir, List<Path> extraIncludeDirs, boolean shipped)
            throws InvalidConfigurationException {
        Path file = dir.resolve(PROPERTIES_FILE);
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException(file + ": malformed properties file: " + e.getMessage(), e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key) && !DOMAIN_BOARD_KEY.matcher(key).matches()) {
                throw new InvalidConfigurationException(file + ":" + lineOf(text, key) + ": unknown key '" + key
                        + "'; expected one of " + String.join(", ", KEYS) + ", domain.<DOMAIN>.board");
            }
        }
        String name = required(properties, "name", file, text);
        String dirName = dir.getFileName().toString().replaceAll("/$", "");
        if (!BoardCatalog.fileNameOf(name).equals(dirName)) {
            throw new InvalidConfigurationException(
                    file + ":" + lineOf(text, "name") + ": board '" + name + "' must live in a directory named '"
                            + BoardCatalog.fileNameOf(name) + "', not '" + dirName + "'");
        }
        String fpuText = properties.getProperty("cpu.fpu", "none").strip();
        Optional<String> fpu = fpuText.isEmpty() || fpuText.equals("none") ? Optional.empty() : Optional.of(fpuText);
        String floatAbi = properties
                .getProperty("cpu.float-abi", fpu.isPresent() ? "hard" : "soft")
                .strip();
        boolean thumb = flag(properties, "cpu.thumb", true, file, text);
        boolean cmse = flag(properties, "cpu.cmse", false, file, text);
        CpuFacts cpu;
        try {
            cpu = new CpuFacts(required(properties, "cpu", file, text), thumb, fpu, floatAbi, cmse);
        } catch (IllegalArgumentException e) {
            String key = e.getMessage().startsWith("not a CPU name")
                    ? "cpu"
                    : e.getMessage().startsWith("not an FPU name") ? "cpu.fpu" : "cpu.float-abi";
            throw new InvalidConfigurationException(file + ":" + lineOf(text, key) + ": " + e.getMessage(), e);
        }
        List<String> revisions = new ArrayList<>();
        for (String revision : properties.getProperty("revisions", "").split(",")) {
            if (!revision.isBlank()) {
                revisions.add(revision.strip());
            }
        }
        Optional<String> defaultRevision = Optional.ofNullable(properties.getProperty("revision.default"))
                .map(String::strip)
                .filter(r -> !r.isEmpty());
        if (defaultRevision.isPresent() && !revisions.contains(defaultRevision.get())) {
            throw new InvalidConfigurationException(file + ":" + lineOf(text, "revision.default")
                    + ": default revision '" + defaultRevision.get() + "' is not in revisions " + revisions);
        }
        Path dts = dir.resolve(properties
                .getProperty("dts", BoardCatalog.fileNameOf(name) + ".dts")
                .strip());
        if (!Files.isRegularFile(dts)) {
            throw new InvalidConfigurationException(file + ": the board devicetree " + dts + " does not exist");
        }
        List<Path> includeDirs = new ArrayList<>();
        includeDirs.add(dir);
        includeDirs.addAll(extraIncludeDirs);
        Optional<String> qemu = Optional.ofNullable(properties.getProperty("qemu.machine"))
                .map(String::strip)
                .filter(m -> !m.isEmpty());
        Map<String, String> domainBoards = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = DOMAIN_BOARD_KEY.matcher(key);
            if (matcher.matches()) {
                domainBoards.put(matcher.group(1), properties.getProperty(key).strip());
            }
        }
        return new BoardDefinition(
                name,
                properties.getProperty("domain", "CPUAPP").strip(),
                properties.getProperty("soc", "").strip(),
                cpu,
                qemu,
                revisions,
                defaultRevision,
                dir,
                dts,
                includeDirs,
                shipped,
                domainBoards,
                aliasOffset(properties, file, text));
    }

    private static boolean flag(Properties properties, String key, boolean fallback, Path file, String text)
            throws InvalidConfigurationException {
        String value = properties.getProperty(key, Boolean.toString(fallback)).strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidConfigurationException(
                    file + ":" + lineOf(text, key) + ": " + key + " must be true or false, not '" + value + "'");
        }
        return value.equals("true");
    }

    /** {@code memory.alias-offset}: a hex ({@code 0x10000000}) or decimal address, default 0. */
    private static long aliasOffset(Properties properties, Path file, String text)
            throws InvalidConfigurationException {
        String value = properties.getProperty("memory.alias-offset", "0").strip();
        try {
            long offset = value.startsWith("0x") || value.startsWith("0X")
                    ? Long.parseLong(value.substring(2), 16)
                    : Long.parseLong(value);
            if (offset >= 0 && offset < 1L << 32) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // Reported below with the line.
        }
        throw new InvalidConfigurationException(file + ":" + lineOf(text, "memory.alias-offset")
                + ": memory.alias-offset must be an address from 0 to 0xffffffff (hex with 0x, or decimal), not '"
                + value + "'");
    }

    private static String required(Properties properties, String key, Path file, String text)
            throws InvalidConfigurationException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(file + ": missing required key '" + key + "'");
        }
        return value.strip();
    }

    /** 1-based line of the first line defining {@code key}, or 1. */
    private static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(key) && line.substring(key.length()).strip().matches("^[=:].*")) {
                return i + 1;
            }
        }
        return 1;
    }
}
