package io.multiimage.kconfig.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.multiimage.core.FirmwareException;
import io.multiimage.core.kconfig.engine.MenuNode;
import io.multiimage.core.kconfig.engine.Symbol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * guiconfig as a local web page: a JDK HTTP server bound to 127.0.0.1 on a random port, every
 * request carrying a per-session token (a request without it, or with another, gets 403). The
 * page shows a menu's rows with their controls, the information of a chosen entry, search, and
 * Save (the minimal difference as a fragment, optionally the build's {@code .config}) and Quit.
 * Requests are served one at a time, since the engine is not thread-safe.
 */
public final class WebGuiconfig implements AutoCloseable {

    private final ConfigModel model;
    private final NodeIndex index;
    private final Optional<Path> fragment;
    private final Consumer<String> log;
    private final String token;
    private final HttpServer server;
    private final CountDownLatch quit = new CountDownLatch(1);
    private final List<String> messages = new ArrayList<>();

    /**
     * Starts the server.
     *
     * @param model the configuration to show
     * @param fragment where Save writes; empty: the session's default target
     * @param log receives the lines Save and Quit produce
     */
    public WebGuiconfig(ConfigModel model, Optional<Path> fragment, Consumer<String> log) throws IOException {
        this.model = model;
        this.index = new NodeIndex(model.top());
        this.fragment = fragment;
        this.log = log;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "guiconfig");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address to open, token included. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/?token=" + token);
    }

    /** Waits until the page's Quit button is pressed or {@code timeout} passes; true when quit. */
    public boolean awaitQuit(long timeout, TimeUnit unit) throws InterruptedException {
        return quit.await(timeout, unit);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = params(exchange);
            if (!MessageDigest.isEqual(
                    token.getBytes(StandardCharsets.UTF_8),
                    params.getOrDefault("token", "").getBytes(StandardCharsets.UTF_8))) {
                send(exchange, 403, "text/plain", "Forbidden: this page needs the session token of its address.\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            boolean post = exchange.getRequestMethod().equals("POST");
            if (post && path.equals("/set")) {
                set(params);
                redirect(exchange, params);
            } else if (post && path.equals("/save")) {
                save(params.containsKey("writeConfig"));
                redirect(exchange, params);
            } else if (post && path.equals("/quit")) {
                send(exchange, 200, "text/html", page("<p id=\"bye\">guiconfig ended; you can close this page.</p>"));
                quit.countDown();
            } else if (!post && path.equals("/")) {
                send(exchange, 200, "text/html", page(body(params)));
            } else {
                send(exchange, 404, "text/plain", "Not found\n");
            }
        } catch (RuntimeException e) {
            log.accept("guiconfig: " + e);
        }
    }

    private void set(Map<String, String> params) {
        MenuNode node = index.node(params.getOrDefault("node", ""));
        if (node == null || node.symbol().isEmpty()) {
            return;
        }
        Symbol symbol = node.symbol().get();
        String value = params.getOrDefault("value", "");
        Optional<String> problem = switch (params.getOrDefault("action", "")) {
            case "toggle" -> model.toggle(symbol) ? Optional.empty() : Optional.of(model.whySettable(symbol));
            case "select" -> model.select(symbol) ? Optional.empty() : Optional.of(model.whySettable(symbol));
            default -> model.edit(symbol, value);
        };
        problem.ifPresent(p -> messages.add("CONFIG_" + symbol.name() + ": " + p));
    }

    private void save(boolean writeConfig) {
        try {
            List<String> lines = model.save(fragment, writeConfig);
            lines.forEach(log);
            messages.addAll(lines);
        } catch (IOException | FirmwareException e) {
            messages.add("Saving failed: " + e.getMessage());
            log.accept(model.session().image() + ": saving failed: " + e.getMessage());
        }
    }

    private void redirect(HttpExchange exchange, Map<String, String> params) throws IOException {
        StringBuilder to = new StringBuilder("/?token=").append(token);
        if (params.containsKey("menu")) {
            to.append("&menu=").append(params.get("menu"));
        }
        if (params.containsKey("info")) {
            to.append("&info=").append(params.get("info"));
        }
        exchange.getResponseHeaders().set("Location", to.toString());
        exchange.sendResponseHeaders(303, -1);
    }

    private String body(Map<String, String> params) {
        MenuNode menu =
                Optional.ofNullable(index.node(params.getOrDefault("menu", ""))).orElse(model.top());
        MenuNode info = index.node(params.getOrDefault("info", ""));
        String query = params.getOrDefault("q", "");
        StringBuilder out = new StringBuilder();
        out.append("<header><h1>")
                .append(esc(model.session().image()))
                .append(": ")
                .append(esc(model.title(model.top())))
                .append("</h1>");
        out.append("<form method=\"get\" action=\"/\" class=\"search\">")
                .append(hidden("token", token))
                .append("<input id=\"search\" name=\"q\" placeholder=\"Search symbols and prompts\" value=\"")
                .append(esc(query))
                .append("\"><button id=\"search-go\">Search</button></form>");
        out.append("<form method=\"post\" action=\"/save\" class=\"save\">")
                .append(hidden("token", token))
                .append(hidden("menu", String.valueOf(index.id(menu))))
                .append(
                        "<label><input type=\"checkbox\" id=\"write-config\" name=\"writeConfig\"> also write the build's .config</label>")
                .append("<button id=\"save\">Save</button></form>");
        out.append("<form method=\"post\" action=\"/quit\" class=\"save\">")
                .append(hidden("token", token))
                .append("<button id=\"quit\">Quit</button></form></header>");
        for (String message : messages) {
            out.append("<p class=\"message\">").append(esc(message)).append("</p>");
        }
        messages.clear();
        out.append("<main><section class=\"menu\"><nav>")
                .append(breadcrumbs(menu))
                .append("</nav><table>");
        List<MenuNode> shown = query.isBlank() ? null : model.search(query);
        if (shown != null) {
            out.append("<tr><th colspan=\"2\">")
                    .append(shown.size())
                    .append(" found for '")
                    .append(esc(query))
                    .append("'</th></tr>");
            for (MenuNode node : shown) {
                int menuId = index.id(model.menuOf(node));
                out.append("<tr><td></td><td><a class=\"result\" href=\"/?token=")
                        .append(token)
                        .append("&menu=")
                        .append(menuId)
                        .append("&info=")
                        .append(index.id(node))
                        .append("\">")
                        .append(esc(model.describe(node)))
                        .append("</a></td></tr>");
            }
        } else {
            for (MenuRow row : model.rows(menu)) {
                out.append(row(menu, row));
            }
        }
        out.append("</table></section><aside><h2>Information</h2><pre id=\"info\">")
                .append(
                        info == null
                                ? "Choose an entry's name to see its help, where its value comes from and why it"
                                        + " can or cannot be set."
                                : esc(model.info(info)))
                .append("</pre></aside></main>");
        return out.toString();
    }

    private String breadcrumbs(MenuNode menu) {
        List<MenuNode> chain = new ArrayList<>();
        for (MenuNode m = menu; m != null; m = m == model.top() ? null : model.menuOf(m)) {
            chain.add(0, m);
        }
        StringBuilder out = new StringBuilder();
        for (MenuNode m : chain) {
            if (out.length() > 0) {
                out.append(" &gt; ");
            }
            out.append("<a href=\"/?token=")
                    .append(token)
                    .append("&menu=")
                    .append(index.id(m))
                    .append("\">")
                    .append(esc(model.title(m)))
                    .append("</a>");
        }
        return out.toString();
    }

    private String row(MenuNode menu, MenuRow row) {
        MenuNode node = row.node();
        String id = node.symbol().map(s -> "sym-" + s.name()).orElse("node-" + index.id(node));
        String menuId = String.valueOf(index.id(menu));
        String nodeId = String.valueOf(index.id(node));
        StringBuilder control = new StringBuilder();
        switch (row.action()) {
            case TOGGLE, SELECT ->
                control.append(form(
                                "/set", menuId, nodeId, row.action() == MenuRow.Action.TOGGLE ? "toggle" : "select"))
                        .append("<button class=\"value\" id=\"")
                        .append(id)
                        .append("\">")
                        .append(esc(row.value()))
                        .append("</button></form>");
            case EDIT ->
                control.append(form("/set", menuId, nodeId, "edit"))
                        .append("<input class=\"text\" name=\"value\" id=\"")
                        .append(id)
                        .append("\" value=\"")
                        .append(esc(node.symbol().orElseThrow().value()))
                        .append("\"><button id=\"")
                        .append(id)
                        .append("-set\">Set</button></form>");
            default ->
                control.append("<span class=\"value\" id=\"")
                        .append(id)
                        .append("\">")
                        .append(esc(row.value()))
                        .append("</span>");
        }
        String label = ConfigModel.opensMenu(node)
                ? "<a class=\"open\" id=\"open-" + nodeId + "\" href=\"/?token=" + token + "&menu=" + nodeId + "\">"
                        + esc(row.label()) + "</a>"
                : esc(row.label());
        String name = node.symbol().map(s -> s.name()).orElse("?");
        return "<tr><td class=\"control\">" + control + "</td><td style=\"padding-left:" + (row.depth() * 1.5)
                + "em\">" + label + " <a class=\"name\" id=\"info-" + nodeId + "\" href=\"/?token=" + token + "&menu="
                + menuId + "&info=" + nodeId + "\">" + esc(node.symbol().isPresent() ? name : "info")
                + "</a></td></tr>";
    }

    private String form(String action, String menuId, String nodeId, String what) {
        return "<form method=\"post\" action=\"" + action + "\">" + hidden("token", token) + hidden("menu", menuId)
                + hidden("node", nodeId) + hidden("info", nodeId) + hidden("action", what);
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    private String page(String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>guiconfig: "
                + esc(model.session().image()) + "</title><style>"
                + "body{font-family:sans-serif;margin:0;background:#f4f5f7;color:#222}"
                + "header{background:#1f3a5f;color:#fff;padding:.6em 1em;display:flex;gap:1em;align-items:center;flex-wrap:wrap}"
                + "header h1{font-size:1.2em;margin:0 auto 0 0}form{display:inline}"
                + "main{display:flex;gap:1em;padding:1em}.menu{flex:3;background:#fff;padding:.5em 1em;border-radius:6px}"
                + "aside{flex:2;background:#fff;padding:.5em 1em;border-radius:6px}pre{white-space:pre-wrap}"
                + "td{padding:.2em .4em}.control{width:14em}button.value{font-family:monospace;min-width:3em}"
                + "a.name{color:#777;font-size:.85em;margin-left:.5em}.message{background:#fff3cd;margin:.5em 1em;padding:.4em}"
                + "</style></head><body>" + body + "</body></html>";
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        parse(exchange.getRequestURI().getRawQuery(), params);
        if (exchange.getRequestMethod().equals("POST")) {
            byte[] body = exchange.getRequestBody().readNBytes(1 << 20);
            parse(new String(body, StandardCharsets.UTF_8), params);
        }
        return params;
    }

    private static void parse(String text, Map<String, String> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(name, value);
        }
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
