package io.multiimage.core.kconfig.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helpers that mimic Python ({@link PyInt}, {@link PyText}, {@link PyPaths}, environment
 * references) give what Python 3 itself gives, for a list of awkward inputs.
 */
class PythonCompatibilityTest {

    private static final List<String> NUMBERS = List.of(
            "0",
            "00",
            "010",
            "0_0",
            "1_000",
            "1__0",
            "_1",
            "1_",
            "+5",
            "-5",
            "- 5",
            " 7 ",
            "\t8\n",
            "0x10",
            "0X1f",
            "0x_1f",
            "0x",
            "-0x10",
            "0o17",
            "0b101",
            "0b2",
            "ABC",
            "abc",
            "ff",
            "1e3",
            "",
            " ",
            "٣",
            "１２",
            "12\u00a0",
            "\u00a03",
            "0x1_0",
            "9".repeat(5000),
            "f".repeat(40),
            "+-1",
            "0xx1",
            "08",
            "0b",
            "0o",
            "1.0",
            "\u001c5",
            "5\u000b");

    @Test
    void integersParseAsPythonIntDoes(@TempDir Path dir) throws Exception {
        StringBuilder script = new StringBuilder("import json,sys\nout=[]\nfor s in json.load(sys.stdin):\n"
                + "  for b in (0, 10, 16):\n    try: out.append(hex(int(s, b)))\n    except ValueError: out.append(None)\n"
                + "print(json.dumps(out))\n");
        List<String> expected = python(dir, script.toString(), NUMBERS);
        List<String> actual = new ArrayList<>();
        for (String s : NUMBERS) {
            for (int base : new int[] {0, 10, 16}) {
                BigInteger value = PyInt.parse(s, base);
                actual.add(value == null ? null : PyInt.hex(value));
            }
        }
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(
                    expected.get(i),
                    actual.get(i),
                    "int(" + quote(NUMBERS.get(i / 3)) + ", " + new int[] {0, 10, 16}[i % 3] + ")");
        }
        assertEquals("0x1f", PyInt.hex(BigInteger.valueOf(31)));
        assertEquals("-0x1f", PyInt.hex(BigInteger.valueOf(-31)));
    }

    private static final List<String> TEXTS = List.of(
            "  a b \t",
            "\u00a0x\u2003",
            "\u001cy\u001f",
            "\tab\tc\n\t d",
            "12345678\tx",
            "\u0085z",
            "ÄBC",
            "Abc",
            "ABC_1",
            "123",
            "ǅ",
            "",
            "  ",
            "\u200b");

    @Test
    void stringHelpersBehaveAsPythonStrMethods(@TempDir Path dir) throws Exception {
        String script = "import json,sys\nout=[]\nfor s in json.load(sys.stdin):\n"
                + "  out += [s.strip(), s.lstrip(), s.rstrip(), str(s.isspace()), str(s.isupper()), s.expandtabs()]\n"
                + "print(json.dumps(out))\n";
        List<String> expected = python(dir, script, TEXTS);
        List<String> actual = new ArrayList<>();
        for (String s : TEXTS) {
            actual.addAll(List.of(
                    PyText.strip(s),
                    PyText.lstrip(s),
                    PyText.rstrip(s),
                    PyText.isBlankNonEmpty(s) ? "True" : "False",
                    PyText.isUpper(s) ? "True" : "False",
                    PyText.expandTabs(s)));
        }
        assertEquals(expected, actual);
        List<String> sorted = new ArrayList<>(List.of("b", "a", "\uffff", "\ud83d\ude00", "B", "a/b", "a.b"));
        sorted.sort(PyText::compare);
        assertEquals(python(dir, "import json,sys\nprint(json.dumps(sorted(json.load(sys.stdin))))\n", sorted), sorted);
    }

    @Test
    void globAndEnvironmentReferencesMatchPython(@TempDir Path dir) throws Exception {
        for (String file : List.of("a/x/K", "a/y/K", "a/.h/K", "a/z", "b[1]/K", "c/K.one", "c/K.two", "c/.K.hidden")) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), "");
        }
        List<String> patterns = new ArrayList<>();
        for (String p : List.of(
                "a/*/K",
                "a/*",
                "a/[xz]*",
                "a/[!x]/K",
                "a/?/K",
                "b[1]/K",
                "b[[]1]/K",
                "c/K.*",
                "c/.K*",
                "c/*",
                "a//x/K",
                "a/x/../y/K",
                "nothing/*",
                "a/x/K",
                "a/x/",
                "[")) {
            patterns.add(dir + "/" + p);
        }
        String script =
                "import glob,json,sys\nprint(json.dumps([sorted(glob.glob(p)) for p in json.load(sys.stdin)]))\n";
        List<String> expected =
                python(dir, script.replace("[sorted(glob.glob(p))", "['|'.join(sorted(glob.glob(p)))"), patterns);
        List<String> actual = new ArrayList<>();
        for (String p : patterns) {
            List<String> matches = PyPaths.glob(p);
            matches.sort(PyText::compare);
            actual.add(String.join("|", matches));
        }
        assertEquals(expected, actual);

        List<String> texts =
                List.of("$HOME_X/a", "${HOME_X}b", "$UNSET/c", "${UNSET}", "$", "${", "${}", "$1x", "a$", "$$HOME_X");
        String envScript = "import json,os,sys\nos.environ.clear()\nos.environ['HOME_X']='/h'\nos.environ['1x']='one'\n"
                + "print(json.dumps([os.path.expandvars(t) for t in json.load(sys.stdin)]))\n";
        List<String> expectedEnv = python(dir, envScript, texts);
        Preprocessor preprocessor = new Preprocessor(new TreeMap<>(Map.of("HOME_X", "/h", "1x", "one")), null);
        List<String> actualEnv = new ArrayList<>();
        for (String t : texts) {
            actualEnv.add(preprocessor.expandEnvironmentReferences(t));
        }
        assertEquals(expectedEnv, actualEnv);
    }

    /** Runs {@code script} with the JSON of {@code input} on standard input; returns the printed JSON list of strings. */
    private static List<String> python(Path dir, String script, List<String> input) throws Exception {
        Path python = KconfiglibReference.python();
        Path file = dir.resolve("compat.py");
        Files.writeString(file, script);
        Process process = new ProcessBuilder(python.toString(), file.toString()).start();
        process.getOutputStream().write(json(input).getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), error);
        return parseJsonStrings(output.strip());
    }

    private static String json(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i > 0 ? "," : "").append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A JSON array of strings and nulls, as Python's json.dumps writes it. */
    private static List<String> parseJsonStrings(String json) {
        List<String> out = new ArrayList<>();
        int i = 1;
        while (i < json.length() - 1) {
            char c = json.charAt(i);
            if (c == 'n') {
                out.add(null);
                i += 4;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (json.charAt(i) != '"') {
                    char d = json.charAt(i);
                    if (d == '\\') {
                        char e = json.charAt(i + 1);
                        switch (e) {
                            case 'u':
                                value.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
                                i += 6;
                                continue;
                            case 'n':
                                value.append('\n');
                                break;
                            case 't':
                                value.append('\t');
                                break;
                            case 'r':
                                value.append('\r');
                                break;
                            case 'f':
                                value.append('\f');
                                break;
                            case 'b':
                                value.append('\b');
                                break;
                            default:
                                value.append(e);
                        }
                        i += 2;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                out.add(value.toString());
                i++;
            } else {
                i++;
            }
        }
        return out;
    }
}
