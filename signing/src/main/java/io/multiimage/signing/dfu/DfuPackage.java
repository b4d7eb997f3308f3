package io.multiimage.signing.dfu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A DFU package: update binaries plus the {@code manifest.json} that describes them, zipped as
 * the nRF Connect SDK's {@code scripts/bootloader/generate_zip.py} does ({@code dfu_application.zip},
 * read by nRF Connect Device Manager, nrfutil and mcumgr-based tools) — but reproducibly: the
 * manifest's {@code time} and each file's {@code modtime}, and every zip entry's timestamp, are
 * the one {@linkplain Builder#timestamp(long) timestamp} the caller gives (e.g. the project's
 * {@code project.build.outputTimestamp}), never the clock. The same inputs give the same bytes.
 *
 * <p>Manifest layout (generate_zip.py): {@code format-version} 0, {@code time}, {@code files}
 * (one object per binary: the shared fields, then that file's own fields, then {@code size},
 * {@code file}, {@code modtime}; a file field with a shared field's key replaces its value in
 * place), then {@code name} when given. Zip entries: the binaries in the order given, then
 * {@code manifest.json}; stored (uncompressed) as generate_zip.py's {@code ZipFile} writes them.
 * See {@link NcsDfu} for the fields NCS puts in.
 */
public final class DfuPackage {

    /** The manifest's entry name. */
    public static final String MANIFEST = "manifest.json";

    private final long timestamp;
    private final String name;
    private final List<ManifestField> shared;
    private final List<DfuFile> files;

    /**
     * One binary of the package.
     *
     * @param name    its entry name (and the manifest's {@code file})
     * @param content its bytes
     * @param fields  its own manifest fields, in order
     */
    public record DfuFile(String name, byte[] content, List<ManifestField> fields) {

        /** Copies the field list. */
        public DfuFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            fields = List.copyOf(fields);
        }
    }

    private DfuPackage(Builder b) {
        this.timestamp = b.timestamp;
        this.name = b.name;
        this.shared = List.copyOf(b.shared);
        this.files = List.copyOf(b.files);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The entry names, in zip order. */
    public List<String> entryNames() {
        List<String> names = new ArrayList<>();
        for (DfuFile file : files) {
            names.add(file.name());
        }
        names.add(MANIFEST);
        return names;
    }

    /** The {@code manifest.json} text. */
    public String manifestJson() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format-version", 0L);
        manifest.put("time", timestamp);
        List<Object> entries = new ArrayList<>();
        for (DfuFile file : files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            for (ManifestField field : shared) {
                entry.put(field.key(), field.value());
            }
            for (ManifestField field : file.fields()) {
                entry.put(field.key(), field.value()); // a shared key keeps its position, as dict.update does
            }
            entry.put("size", (long) file.content().length);
            entry.put("file", file.name());
            entry.put("modtime", timestamp);
            entries.add(entry);
        }
        manifest.put("files", entries);
        if (name != null) {
            manifest.put("name", name);
        }
        return PythonStyleJson.write(manifest);
    }

    /** The zip file's bytes. */
    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LocalDateTime entryTime = dosTime(timestamp);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (DfuFile file : files) {
                putStored(zip, file.name(), file.content(), entryTime);
            }
            putStored(zip, MANIFEST, manifestJson().getBytes(StandardCharsets.UTF_8), entryTime);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a zip to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] content, LocalDateTime time)
            throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(time); // local date-time fields, so the machine's time zone cannot leak in
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /** The timestamp as a zip (MS-DOS) date-time, which only covers 1980-2107 in 2-second steps. */
    private static LocalDateTime dosTime(long epochSeconds) {
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
        LocalDateTime min = LocalDateTime.of(1980, 1, 1, 0, 0);
        LocalDateTime max = LocalDateTime.of(2107, 12, 31, 23, 59, 58);
        if (time.isBefore(min)) {
            return min;
        }
        return time.isAfter(max) ? max : time;
    }

    /** Collects the package. */
    public static final class Builder {
        private long timestamp;
        private String name;
        private final List<ManifestField> shared = new ArrayList<>();
        private final List<DfuFile> files = new ArrayList<>();

        private Builder() {}

        /**
         * The package's time, in seconds since 1970 (UTC): the manifest's {@code time} and
         * {@code modtime}s and the zip entries' time. Default 0 (the zip entries then carry
         * 1980-01-01, the earliest zip time).
         */
        public Builder timestamp(long epochSeconds) {
            this.timestamp = epochSeconds;
            return this;
        }

        /** The optional {@code name} shown to the user (generate_zip.py's {@code --name}). */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** A field every file entry carries (generate_zip.py's un-prefixed {@code key=value}). */
        public Builder shared(ManifestField field) {
            shared.add(field);
            return this;
        }

        /** A binary with its own fields (generate_zip.py's {@code <file>key=value}). */
        public Builder file(String fileName, byte[] content, List<ManifestField> fields) {
            files.add(new DfuFile(fileName, content.clone(), fields));
            return this;
        }

        /**
         * The package.
         *
         * @throws IllegalArgumentException no file, or two files with the same name
         */
        public DfuPackage build() {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a DFU package needs at least one file");
            }
            Set<String> names = new LinkedHashSet<>();
            for (DfuFile file : files) {
                if (!names.add(file.name()) || file.name().equals(MANIFEST)) {
                    throw new IllegalArgumentException("the DFU package already has an entry named " + file.name());
                }
            }
            return new DfuPackage(this);
        }
    }
}
