package io.multiimage.kconfig.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.multiimage.core.kconfig.engine.Kconfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * menuconfig as a person uses it: the real terminal program runs in tmux, the test types keys
 * with {@code send-keys} and reads the screen with {@code capture-pane}: it opens a menu, reads
 * an entry's information, toggles a bool, searches a symbol and jumps to it, types a new value,
 * saves, and quits; the next build reads the saved fragment. Skipped only without tmux.
 */
@Tag("tools")
class MenuconfigInTmuxTest {

    @TempDir
    Path root;

    private final String socket =
            "multiimage-menuconfig-" + ProcessHandle.current().pid();
    private final String sessionName = "menuconfig";
    private Process server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            tmux("kill-server");
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A tmux server of this test's own, in the foreground ({@code -D}): it needs no daemon(),
     * which fails in containers whose /dev/null is not a device.
     */
    private void startServer() throws Exception {
        server = new ProcessBuilder("tmux", "-L", socket, "-D")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && server.isAlive()) {
            String answer = tmux("list-sessions");
            if (!answer.contains("error connecting") && !answer.contains("no server running")) {
                return;
            }
            Thread.sleep(20);
        }
        fail("the tmux server did not start (alive: " + server.isAlive() + ")");
    }

    @Test
    void changingValuesAndSavingWritesAFragmentTheNextBuildReads() throws Exception {
        Assumptions.assumeTrue(onPath("tmux"), "tmux is not installed (apt-get install tmux): menuconfig test skipped");
        UiFixture.write(root);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(
                " ",
                List.of(
                        quote(java),
                        "-cp",
                        quote(System.getProperty("java.class.path")),
                        KconfigUiMain.class.getName(),
                        "menuconfig",
                        quote(root.toString()),
                        "app",
                        "qemu_cortex_m3"));
        startServer();
        String created = tmux("new-session", "-d", "-s", sessionName, "-x", "100", "-y", "30", command + "; sleep 600");
        assertEquals("", created, "tmux new-session");

        waitFor("Application  --->");
        keys("Enter");
        waitFor("[ ] Optional feature");
        keys("?");
        String info = waitFor("Value from:");
        assertTrue(
                info.contains("CONFIG_APP_FEATURE (bool)")
                        && info.contains("Defined at: app/Kconfig:5")
                        && info.contains("Turns on the optional feature"),
                info);
        keys("Escape");
        waitFor("[ ] Optional feature");
        keys("Space");
        String toggled = waitFor("[*] Optional feature");
        assertTrue(toggled.contains("-*- Logging"), "APP_FEATURE selects APP_LOGGING:\n" + toggled);

        keys("Down");
        keys("?");
        String why = waitFor("Can be set:");
        assertTrue(why.contains("Can be set: cannot be n: selected by APP_FEATURE"), why);
        keys("Escape");
        waitFor("> -*- Logging");

        keys("/");
        waitFor("Search (name or prompt)");
        type("loops");
        keys("Enter");
        waitFor("CONFIG_APP_LOOPS - Loops");
        keys("Enter");
        waitFor("> (10) Loops");
        keys("Enter");
        waitFor("CONFIG_APP_LOOPS (int): 10_");
        keys("BSpace", "BSpace");
        type("42");
        keys("Enter");
        String edited = waitFor("(42) Loops");
        keys("s");
        String saved = waitFor("saved 2 changes to app/boards/qemu_cortex_m3.conf");
        assertTrue(saved.contains("(new file, (C) board file of row A)"), saved);
        writeScreen(saved, "menuconfig-screen.txt");
        keys("q");
        waitForExit();

        assertEquals(
                "# Saved by firmware:menuconfig/guiconfig for image app\nCONFIG_APP_FEATURE=y\nCONFIG_APP_LOOPS=42\n",
                Files.readString(root.resolve("app/boards/qemu_cortex_m3.conf")));
        Kconfig next = UiFixture.open(root).kconfig();
        assertEquals("y", next.symbol("APP_FEATURE").orElseThrow().value());
        assertEquals("42", next.symbol("APP_LOOPS").orElseThrow().value());
        assertEquals(
                "app/boards/qemu_cortex_m3.conf:3",
                next.symbol("APP_LOOPS")
                        .orElseThrow()
                        .userAssignment()
                        .orElseThrow()
                        .where());
        assertTrue(edited.contains("(42) Loops"));
    }

    private String waitFor(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (screen.contains(text)) {
                return screen;
            }
            Thread.sleep(50);
        }
        fail("'" + text + "' did not appear; the screen:\n" + screen);
        return screen;
    }

    private void waitForExit() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String screen = capture();
            if (!screen.contains("S save  Q quit")) {
                return;
            }
            Thread.sleep(50);
        }
        fail("menuconfig did not quit:\n" + capture());
    }

    private String capture() throws Exception {
        return tmux("capture-pane", "-p", "-t", sessionName);
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", sessionName));
        args.addAll(List.of(keys));
        String answer = tmux(args.toArray(String[]::new));
        assertEquals("", answer, "tmux send-keys " + String.join(" ", keys));
    }

    private void type(String text) throws Exception {
        assertEquals("", tmux("send-keys", "-t", sessionName, "-l", text), "tmux send-keys -l " + text);
    }

    private void writeScreen(String screen, String name) throws IOException {
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, screen);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("tmux " + String.join(" ", args) + " hung");
        }
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
