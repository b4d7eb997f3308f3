package io.multiimage.maven.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryServerTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void storesAndServesFilesToAuthenticatedClients() throws Exception {
        try (RepositoryServer server = RepositoryServer.start(root, "deployer", "s3cret")) {
            URI uri = URI.create(server.url() + "io/example/mcuboot/1.0/mcuboot-1.0.hex");
            byte[] body = ":00000001FF\n".getBytes(StandardCharsets.US_ASCII);

            HttpResponse<Void> put = http.send(
                    authorized(HttpRequest.newBuilder(uri), "deployer", "s3cret")
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<byte[]> get = http.send(
                    authorized(HttpRequest.newBuilder(uri), "deployer", "s3cret")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertEquals(201, put.statusCode());
            assertEquals(200, get.statusCode());
            assertArrayEquals(body, get.body());
            assertArrayEquals(body, Files.readAllBytes(root.resolve("io/example/mcuboot/1.0/mcuboot-1.0.hex")));
        }
    }

    @Test
    void refusesClientsWithoutTheRightPassword() throws Exception {
        try (RepositoryServer server = RepositoryServer.start(root, "deployer", "s3cret")) {
            Files.writeString(root.resolve("a.hex"), "x");
            URI uri = URI.create(server.url() + "a.hex");

            int anonymous = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            int wrong = http.send(
                            authorized(HttpRequest.newBuilder(uri), "deployer", "guess")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();

            assertEquals(401, anonymous);
            assertEquals(401, wrong);
        }
    }

    @Test
    void answersNotFoundForMissingFilesAndPathsOutsideTheRoot() throws Exception {
        try (RepositoryServer server = RepositoryServer.start(root, "u", "p")) {
            int missing = http.send(
                            authorized(HttpRequest.newBuilder(URI.create(server.url() + "nope.hex")), "u", "p")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertEquals(404, missing);
            assertEquals(1, server.requests().size());
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return builder.header("Authorization", "Basic " + token);
    }
}
