package io.multiimage.kconfig.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a JDK WebSocket): navigate, find an
 * element's box, click it with the mouse, type text, read the page, take a screenshot. Starts
 * Chromium with the flags the environment requires and a fresh profile; {@link #close} ends it.
 */
final class DevToolsPage implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private DevToolsPage(Process chromium, WebSocket socket) {
        this.chromium = chromium;
        this.socket = socket;
    }

    /** Starts {@code chromium} with a profile in {@code profile} and connects to its first page. */
    static DevToolsPage start(Path chromiumBinary, Path profile) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                chromiumBinary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1280,720",
                "about:blank"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new IOException("Chromium did not open its DevTools port: "
                        + Files.readString(profile.resolveSibling("chromium.log")));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String list = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String pageSocket = null;
        for (JsonNode target : JSON.readTree(list)) {
            if (target.path("type").asText().equals("page")) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageSocket == null) {
            process.destroyForcibly();
            throw new IOException("Chromium has no page: " + list);
        }
        DevToolsPage[] page = new DevToolsPage[1];
        StringBuilder partial = new StringBuilder();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            page[0].received(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        page[0] = new DevToolsPage(process, socket);
        return page[0];
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> future =
                        pending.remove(message.get("id").asInt());
                if (future != null) {
                    future.complete(message);
                }
            }
        } catch (IOException e) {
            // not a protocol message: ignore
        }
    }

    /** Calls a DevTools method and returns its {@code result}. */
    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        ObjectNode request = JSON.createObjectNode().put("id", id).put("method", method);
        request.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(request), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = future.get(30, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IOException(method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Opens {@code url} and waits until the page has loaded. */
    void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        waitUntil("document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url));
    }

    /** The value of a JavaScript expression (as text). */
    String evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        return result.path("result").path("value").asText();
    }

    /** Waits until a JavaScript condition is true (30 s at most). */
    void waitUntil(String condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!evaluate("Boolean(" + condition + ")").equals("true")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page never showed: " + condition + "\n" + text());
            }
            Thread.sleep(50);
        }
    }

    /** The page's visible text. */
    String text() throws Exception {
        return evaluate("document.body ? document.body.innerText : ''");
    }

    /** Clicks the middle of the element with this id with the mouse ({@code clicks} 3 selects an input's text). */
    void click(String elementId, int clicks) throws Exception {
        waitUntil("document.getElementById(" + JSON.writeValueAsString(elementId) + ")");
        String box = evaluate("(() => { const r = document.getElementById(" + JSON.writeValueAsString(elementId)
                + ").getBoundingClientRect(); return (r.x + r.width / 2) + ',' + (r.y + r.height / 2); })()");
        double x = Double.parseDouble(box.split(",")[0]);
        double y = Double.parseDouble(box.split(",")[1]);
        call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
        for (int i = 1; i <= clicks; i++) {
            call(
                    "Input.dispatchMouseEvent",
                    Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "clickCount", i));
            call(
                    "Input.dispatchMouseEvent",
                    Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "clickCount", i));
        }
    }

    /** Types text into the focused element, as a keyboard would. */
    void type(String text) throws Exception {
        call("Input.insertText", Map.of("text", text));
    }

    /** A PNG screenshot of the page. */
    void screenshot(Path png) throws Exception {
        JsonNode result = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(result.get("data").asText()));
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        chromium.destroy();
        if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
        }
    }
}
