package io.multiimage.kconfig.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multiimage.core.kconfig.engine.Kconfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * guiconfig as a person uses it: headless Chromium opens the page, the test clicks a menu, a
 * bool's button, types a number into a field and sets it, reads an entry's information, saves
 * and quits — all with mouse and keyboard events; the next build reads the saved fragment. The
 * server refuses requests without the session token. Skipped only without Chromium.
 */
class GuiconfigInChromiumTest {

    @TempDir
    Path root;

    @Test
    void requestsWithoutTheSessionTokenAreRefused() throws Exception {
        UiFixture.write(root);
        ConfigModel model = new ConfigModel(UiFixture.open(root));
        try (WebGuiconfig web = new WebGuiconfig(model, Optional.empty(), line -> {})) {
            URI address = web.address();
            assertEquals("127.0.0.1", address.getHost());
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + address.getPort();
            assertEquals(200, get(http, address.toString()));
            assertEquals(403, get(http, base + "/"));
            assertEquals(403, get(http, base + "/?token=" + "0".repeat(48)));
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/set"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("node=1&action=toggle"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, post.statusCode());
            HttpResponse<String> quit = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/quit"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, quit.statusCode());
            assertTrue(!web.awaitQuit(10, TimeUnit.MILLISECONDS));
            assertTrue(model.session().changes().isEmpty());
        }
    }

    @Test
    @Tag("tools")
    void changingValuesAndSavingInTheBrowserWritesAFragmentTheNextBuildReads() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(
                Files.isExecutable(chromium),
                "chromium is not installed (apt-get install chromium): guiconfig browser test skipped");
        UiFixture.write(root);
        List<String> log = new ArrayList<>();
        ConfigModel model = new ConfigModel(UiFixture.open(root));
        Path profile = Files.createDirectories(root.resolve("browser/profile"));
        try (WebGuiconfig web = new WebGuiconfig(model, Optional.empty(), log::add);
                DevToolsPage page = DevToolsPage.start(chromium, profile)) {
            page.navigate(web.address().toString());
            assertTrue(page.text().contains("app: Widget firmware"), page.text());

            String application = page.evaluate("[...document.querySelectorAll('a.open')]"
                    + ".find(a => a.textContent.startsWith('Application')).id");
            page.click(application, 1);
            page.waitUntil("document.getElementById('sym-APP_FEATURE')");
            page.click("sym-APP_FEATURE", 1);
            page.waitUntil("document.getElementById('sym-APP_FEATURE').textContent === '[*]'");
            assertEquals("-*-", page.evaluate("document.getElementById('sym-APP_LOGGING').textContent"));

            page.click("sym-APP_LOOPS", 3);
            page.type("42");
            page.click("sym-APP_LOOPS-set", 1);
            // after the form's round trip the information shows the new value (the typed text alone is not enough)
            page.waitUntil("document.getElementById('info').textContent.includes('Value: 42')");
            assertEquals("42", page.evaluate("document.getElementById('sym-APP_LOOPS').value"));

            String logging = page.evaluate(
                    "document.getElementById('sym-APP_LOGGING').closest('tr')" + ".querySelector('a.name').id");
            page.click(logging, 1);
            page.waitUntil("document.getElementById('info').textContent.includes('CONFIG_APP_LOGGING')");
            assertTrue(page.evaluate("document.getElementById('info').textContent")
                    .contains("Can be set: cannot be n: selected by APP_FEATURE"));
            page.screenshot(Path.of("target", "guiconfig.png"));

            page.click("save", 1);
            page.waitUntil("document.body.innerText.includes('saved 2 changes')");
            page.click("quit", 1);
            assertTrue(web.awaitQuit(30, TimeUnit.SECONDS), "Quit did not end the session");
        }

        assertEquals(
                List.of("app: saved 2 changes to app/boards/qemu_cortex_m3.conf (new file, (C) board file of row A):"
                        + " CONFIG_APP_FEATURE=y, CONFIG_APP_LOOPS=42"),
                log);
        assertEquals(
                "# Saved by firmware:menuconfig/guiconfig for image app\nCONFIG_APP_FEATURE=y\nCONFIG_APP_LOOPS=42\n",
                Files.readString(root.resolve("app/boards/qemu_cortex_m3.conf")));
        Kconfig next = UiFixture.open(root).kconfig();
        assertEquals("y", next.symbol("APP_FEATURE").orElseThrow().value());
        assertEquals("42", next.symbol("APP_LOOPS").orElseThrow().value());
    }

    private static int get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
