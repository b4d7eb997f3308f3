package io.multiimage.maven.it;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A password-protected Maven repository over HTTP on 127.0.0.1, for the integration tests:
 * {@code mvn deploy} PUTs into it and a later build resolves from it, through Maven's real
 * repository system with credentials from settings.xml. Started by an IT's setup.groovy and
 * stopped by its verify.groovy.
 */
public final class RepositoryServer implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private RepositoryServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /** Serves {@code root} on an ephemeral loopback port; every request needs user:password. */
    public static RepositoryServer start(Path root, String user, String password) throws IOException {
        Files.createDirectories(root);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RepositoryServer repository =
                new RepositoryServer(server, root.toAbsolutePath().normalize());
        server.createContext("/", repository::handle).setAuthenticator(new BasicAuthenticator("it-repository") {
            @Override
            public boolean checkCredentials(String givenUser, String givenPassword) {
                return user.equals(givenUser) && password.equals(givenPassword);
            }
        });
        server.start();
        return repository;
    }

    /** The repository URL, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Every request served so far, as {@code METHOD path status}. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = resolve(exchange.getRequestURI());
            switch (exchange.getRequestMethod()) {
                case "GET", "HEAD" -> serve(exchange, file);
                case "PUT" -> store(exchange, file);
                default -> reply(exchange, 405);
            }
        }
    }

    /**
     * Records the request, then sends the status line: recorded first, so a client that calls
     * {@link #requests()} as soon as its answer arrives finds its own request listed.
     */
    private void respond(HttpExchange exchange, int status, long length) throws IOException {
        requests.add(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + status);
        exchange.sendResponseHeaders(status, length);
    }

    private Path resolve(URI uri) {
        Path file = root.resolve(uri.getPath().replaceFirst("^/+", "")).normalize();
        return file.startsWith(root) ? file : null;
    }

    private int serve(HttpExchange exchange, Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return reply(exchange, 404);
        }
        boolean head = exchange.getRequestMethod().equals("HEAD");
        respond(exchange, 200, head ? -1 : Files.size(file));
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
        return 200;
    }

    private int store(HttpExchange exchange, Path file) throws IOException {
        if (file == null) {
            return reply(exchange, 400);
        }
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".upload", ".tmp");
        try (InputStream in = exchange.getRequestBody()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return reply(exchange, 201);
    }

    private int reply(HttpExchange exchange, int status) throws IOException {
        respond(exchange, status, -1);
        return status;
    }
}
