package io.multiimage.core.lock;

import io.multiimage.core.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code layout.lock}: the layout lock as text, one fact a line, in a fixed order, so a change
 * shows as a small diff in review.
 *
 * <pre>
 * # layout.lock: written by mvn firmware:lock-layout. Commit it. ...
 * format 1
 * key sha256 3f2a...              (or: key none)
 * domain -
 * flash write-block 0x4 erase-block 0x400
 * immutable b0 0x00000000 0x8000
 * slot s0 0x00008000 0xc000
 * ...
 * </pre>
 */
public final class LayoutLockFile {

    /** The file's name, beside the POM of the tree's top module. */
    public static final String NAME = "layout.lock";

    private LayoutLockFile() {}

    /** The text of {@code lock}. */
    public static String text(LayoutLock lock) {
        StringBuilder out = new StringBuilder();
        out.append("# layout.lock: written by mvn firmware:lock-layout. Commit it: a build whose layout moves or\n")
                .append("# resizes an immutable partition, changes a slot, or signs with another key fails, unless\n")
                .append("# the change is accepted with -Dfirmware.layout.accept=\"<reason>\". Rewrite it with\n")
                .append("# firmware:lock-layout when a change is meant to last.\n");
        out.append("format 1\n");
        out.append("key ")
                .append(lock.keyHash().map(k -> "sha256 " + k).orElse("none"))
                .append('\n');
        for (DomainLock domain : lock.domains()) {
            out.append("domain ").append(domain.domain()).append('\n');
            out.append("flash write-block 0x").append(Long.toHexString(domain.writeBlock()));
            domain.eraseBlock().ifPresent(e -> out.append(" erase-block 0x").append(Long.toHexString(e)));
            out.append('\n');
            for (LockedPartition partition : domain.partitions()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%s %s 0x%08x 0x%x%n",
                        partition.kind(),
                        partition.name(),
                        partition.address(),
                        partition.size()));
            }
        }
        return out.toString();
    }

    /**
     * Reads {@code file}.
     *
     * @throws InvalidConfigurationException a line is not what the format expects, with FILE:LINE
     */
    public static LayoutLock read(Path file) throws IOException, InvalidConfigurationException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Optional<String> key = Optional.empty();
        boolean keySeen = false;
        List<DomainLock> domains = new ArrayList<>();
        String domain = null;
        List<LockedPartition> partitions = new ArrayList<>();
        long writeBlock = 0;
        OptionalLong eraseBlock = OptionalLong.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            String where = file + ":" + (i + 1) + ": ";
            try {
                switch (f[0]) {
                    case "format" -> {
                        if (f.length != 2 || !f[1].equals("1")) {
                            throw new InvalidConfigurationException(
                                    where + "expected 'format 1', found '" + line + "'");
                        }
                    }
                    case "key" -> {
                        keySeen = true;
                        if (f.length == 2 && f[1].equals("none")) {
                            key = Optional.empty();
                        } else if (f.length == 3 && f[1].equals("sha256") && f[2].matches("[0-9a-f]{64}")) {
                            key = Optional.of(f[2]);
                        } else {
                            throw new InvalidConfigurationException(where + "expected 'key none' or 'key sha256 <64 hex"
                                    + " digits>', found '" + line + "'");
                        }
                    }
                    case "domain" -> {
                        if (domain != null) {
                            domains.add(new DomainLock(domain, partitions, eraseBlock, writeBlock));
                        }
                        expect(f.length == 2, where, "'domain <name>'", line);
                        domain = f[1];
                        partitions = new ArrayList<>();
                        writeBlock = 0;
                        eraseBlock = OptionalLong.empty();
                    }
                    case "flash" -> {
                        expect(
                                domain != null && (f.length == 3 || f.length == 5) && f[1].equals("write-block"),
                                where,
                                "'flash write-block <n> [erase-block <n>]' after a domain line",
                                line);
                        writeBlock = Long.decode(f[2]);
                        if (f.length == 5) {
                            expect(f[3].equals("erase-block"), where, "'erase-block <n>'", line);
                            eraseBlock = OptionalLong.of(Long.decode(f[4]));
                        }
                    }
                    case LockedPartition.IMMUTABLE, LockedPartition.SLOT -> {
                        expect(
                                domain != null && f.length == 4,
                                where,
                                "'" + f[0] + " <partition> <address> <size>' after a domain line",
                                line);
                        partitions.add(new LockedPartition(f[1], Long.decode(f[2]), Long.decode(f[3]), f[0]));
                    }
                    default ->
                        throw new InvalidConfigurationException(where + "unknown line '" + line + "': expected"
                                + " format, key, domain, flash, immutable or slot");
                }
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(where + "'" + line + "' holds a value that is not a number", e);
            }
        }
        if (domain != null) {
            domains.add(new DomainLock(domain, partitions, eraseBlock, writeBlock));
        }
        if (!keySeen || domains.isEmpty()) {
            throw new InvalidConfigurationException(file + ": not a complete layout lock (no key line or no domain):"
                    + " write it again with mvn firmware:lock-layout");
        }
        return new LayoutLock(domains, key);
    }

    private static void expect(boolean ok, String where, String expected, String line)
            throws InvalidConfigurationException {
        if (!ok) {
            throw new InvalidConfigurationException(where + "expected " + expected + ", found '" + line + "'");
        }
    }
}
