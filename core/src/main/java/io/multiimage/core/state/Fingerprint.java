package io.multiimage.core.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The inputs of one build step, each named and reduced to a sha256: source files, generated
 * headers, settings. Two fingerprints with the same entries mean the step's output would be
 * the same, so the step can be skipped; the names of differing entries say why it must run.
 */
public final class Fingerprint {

    private final SortedMap<String, String> entries;

    private Fingerprint(SortedMap<String, String> entries) {
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /** A fingerprint with exactly these entries (name → sha256 or value digest). */
    public static Fingerprint of(Map<String, String> entries) {
        return new Fingerprint(new TreeMap<>(entries));
    }

    /** Starts an empty fingerprint. */
    public static Builder builder() {
        return new Builder();
    }

    /** Name → digest, sorted by name. */
    public SortedMap<String, String> entries() {
        return entries;
    }

    /** One digest over every entry, for logs and manifests. */
    public String digest() {
        StringBuilder text = new StringBuilder();
        entries.forEach(
                (name, value) -> text.append(name).append('=').append(value).append('\n'));
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What changed from {@code previous} to this fingerprint, one phrase per entry in name
     * order ({@code "src/main.c changed"}, {@code "pm_config.h added"}); empty when equal.
     */
    public List<String> changesSince(Fingerprint previous) {
        SortedMap<String, String> names = new TreeMap<>(previous.entries);
        names.putAll(entries);
        return names.keySet().stream()
                .map(name -> {
                    String before = previous.entries.get(name);
                    String now = entries.get(name);
                    if (before == null) {
                        return name + " added";
                    }
                    if (now == null) {
                        return name + " removed";
                    }
                    return before.equals(now) ? null : name + " changed";
                })
                .filter(change -> change != null)
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "Fingerprint" + entries;
    }

    /** Lowercase hex sha256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** Lowercase hex sha256 of a file's content, streamed. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Collects entries; names must be unique. */
    public static final class Builder {

        private final SortedMap<String, String> entries = new TreeMap<>();

        private Builder() {}

        /** A setting or any other value that affects the output. */
        public Builder value(String name, String value) {
            return put(name, sha256(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }

        /** A file's content; a missing file is recorded as such, so its appearance counts as a change. */
        public Builder file(String name, Path file) throws IOException {
            return put(name, Files.isRegularFile(file) ? sha256(file) : "absent");
        }

        /**
         * Every regular file below {@code dir} whose name ends with one of {@code suffixes}, named
         * {@code prefix + relative path} (with {@code /}); nothing when the directory is absent.
         */
        public Builder tree(String prefix, Path dir, List<String> suffixes) throws IOException {
            if (!Files.isDirectory(dir)) {
                return this;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> suffixes.stream()
                                .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                put(prefix + relative, sha256(file));
            }
            return this;
        }

        public Fingerprint build() {
            return new Fingerprint(new TreeMap<>(entries));
        }

        private Builder put(String name, String digest) {
            if (entries.putIfAbsent(name, digest) != null) {
                throw new IllegalArgumentException("fingerprint entry named twice: " + name);
            }
            return this;
        }
    }
}
