package io.multiimage.signing.dfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multiimage.signing.ImageVersion;
import io.multiimage.testkit.ReferenceTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DfuPackageTest {

    private static final long TIME = 1767225600L; // 2026-01-01T00:00:00Z
    private static final byte[] APP = "app image bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NET = "network core image".getBytes(StandardCharsets.US_ASCII);

    private static DfuPackage application() {
        return NcsDfu.application(
                new NcsDfu.Image(APP, 0xc200),
                new ImageVersion(1, 2, 3, 4),
                "nrf52840dk_nrf52840",
                "nRF52840_QIAA",
                TIME);
    }

    private static DfuPackage withNetworkCore() {
        return NcsDfu.applicationAndNetworkCore(
                new NcsDfu.Image(APP, 0x10200),
                new ImageVersion(1, 2, 3, 4),
                new NcsDfu.Image(NET, 0x1008800),
                "nrf5340dk_nrf5340_cpunet",
                "nRF5340_CPUNET_QKAA",
                "1",
                "nrf5340dk_nrf5340_cpuapp",
                "nRF5340_CPUAPP_QKAA",
                TIME);
    }

    @Test
    void applicationManifestHasNcsFieldsInNcsOrder() {
        assertEquals("""
                {
                    "format-version": 0,
                    "time": 1767225600,
                    "files": [
                        {
                            "load_address": 49664,
                            "version_MCUBOOT": "1.2.3+4",
                            "type": "application",
                            "board": "nrf52840dk_nrf52840",
                            "soc": "nRF52840_QIAA",
                            "size": 15,
                            "file": "app_update.bin",
                            "modtime": 1767225600
                        }
                    ]
                }""", application().manifestJson());
    }

    @Test
    void networkCoreEntryOverridesBoardAndSocInPlace() {
        String json = withNetworkCore().manifestJson();
        assertEquals("""
                {
                    "format-version": 0,
                    "time": 1767225600,
                    "files": [
                        {
                            "type": "application",
                            "board": "nrf5340dk_nrf5340_cpuapp",
                            "soc": "nRF5340_CPUAPP_QKAA",
                            "load_address": 66048,
                            "image_index": "0",
                            "slot_index_primary": "1",
                            "slot_index_secondary": "2",
                            "version_MCUBOOT": "1.2.3+4",
                            "size": 15,
                            "file": "app_update.bin",
                            "modtime": 1767225600
                        },
                        {
                            "type": "application",
                            "board": "nrf5340dk_nrf5340_cpunet",
                            "soc": "nRF5340_CPUNET_QKAA",
                            "image_index": "1",
                            "slot_index_primary": "3",
                            "slot_index_secondary": "4",
                            "load_address": 16812032,
                            "version": "1",
                            "size": 18,
                            "file": "net_core_app_update.bin",
                            "modtime": 1767225600
                        }
                    ]
                }""", json);
    }

    /** Python's own json.dumps(indent=4) of the same dictionary, including escaped text. */
    @Test
    void manifestIsFormattedAsPythonsJsonDumps(@TempDir Path dir) throws Exception {
        DfuPackage dfu = DfuPackage.builder()
                .timestamp(TIME)
                .name("Firmware \"Größe\" \u2603\t1")
                .shared(ManifestField.text("board", "b\\oard"))
                .file("a.bin", new byte[3], List.of(ManifestField.number("load_address", 0xffffffffL)))
                .build();
        Path script = dir.resolve("m.py");
        Files.writeString(
                script,
                "import json, sys\n"
                        + "m = {'format-version': 0, 'time': " + TIME + ", 'files': [{'board': 'b\\\\oard',"
                        + " 'load_address': 0xffffffff, 'size': 3, 'file': 'a.bin', 'modtime': " + TIME + "}],"
                        + " 'name': 'Firmware \"Gr\\u00f6\\u00dfe\" \\u2603\\t1'}\n"
                        + "sys.stdout.write(json.dumps(m, indent=4))\n");
        Path python = ReferenceTools.debianPython("json", "python3");
        String expected = ReferenceTools.run(List.of(python.toString(), script.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        assertEquals(expected, dfu.manifestJson());
    }

    @Test
    void theSameInputsGiveTheSameZipInAnyTimeZone() {
        byte[] first = withNetworkCore().toZip();
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertArrayEquals(first, withNetworkCore().toZip());
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    /** Python's zipfile (what NCS's tools are written in) lists and reads the package. */
    @Test
    void pythonZipfileReadsThePackage(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("dfu_application.zip");
        Files.write(zip, withNetworkCore().toZip());
        Path python = ReferenceTools.debianPython("zipfile", "python3");
        String listing = ReferenceTools.run(List.of(python.toString(), "-m", "zipfile", "-l", zip.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        assertEquals(
                List.of("app_update.bin", "net_core_app_update.bin", "manifest.json"),
                listing.lines().skip(1).map(l -> l.split("\\s+")[0]).toList());
        Path script = dir.resolve("read.py");
        Files.writeString(
                script,
                "import json, sys, zipfile\n"
                        + "z = zipfile.ZipFile(sys.argv[1])\n"
                        + "assert z.testzip() is None\n"
                        + "for i in z.infolist():\n"
                        + "    print(i.filename, i.date_time, i.compress_type, len(z.read(i.filename)))\n"
                        + "m = json.loads(z.read('manifest.json'))\n"
                        + "print(m['files'][1]['file'], m['files'][1]['load_address'], m['time'])\n");
        String read = ReferenceTools.run(List.of(python.toString(), script.toString(), zip.toString()), dir, 60)
                .assertSuccess()
                .stdout();
        assertEquals(
                "app_update.bin (2026, 1, 1, 0, 0, 0) 0 15\n"
                        + "net_core_app_update.bin (2026, 1, 1, 0, 0, 0) 0 18\n"
                        + "manifest.json (2026, 1, 1, 0, 0, 0) 0 "
                        + withNetworkCore().manifestJson().length() + "\n"
                        + "net_core_app_update.bin 16812032 1767225600\n",
                read);
    }

    @Test
    void aTimeBeforeZipsEpochIsClampedInTheZipButKeptInTheManifest() throws Exception {
        DfuPackage dfu = NcsDfu.application(new NcsDfu.Image(APP, 0xc200), new ImageVersion(1, 0, 0, 0), "b", "s", 0);
        java.util.zip.ZipInputStream in =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(dfu.toZip()));
        assertEquals(
                java.time.LocalDateTime.of(1980, 1, 1, 0, 0), in.getNextEntry().getTimeLocal());
        assertEquals(true, dfu.manifestJson().contains("\"time\": 0,"));
    }

    @Test
    void duplicateOrMissingFilesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DfuPackage.builder().build());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DfuPackage.builder()
                        .file("a.bin", APP, List.of())
                        .file("a.bin", NET, List.of())
                        .build());
        assertEquals("the DFU package already has an entry named a.bin", e.getMessage());
        assertEquals(List.of("app_update.bin", "manifest.json"), application().entryNames());
    }
}
