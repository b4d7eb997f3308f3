package io.multiimage.maven.it;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls of Nexus's REST API ({@code /service/rest/v1}) the test harness makes, as one
 * user. Bodies are small JSON documents written here; answers are read only as far as needed.
 */
final class NexusRest {

    private final String baseUrl;
    private final String authorization;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    NexusRest(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    String baseUrl() {
        return baseUrl;
    }

    /** True once Nexus answers that it accepts writes (start-up finished). */
    boolean writable() throws InterruptedException {
        try {
            return send(HttpRequest.newBuilder(api("status/writable")).GET(), false)
                            .statusCode()
                    == 200;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    void changeAdminPassword(String password) throws IOException, InterruptedException {
        expect(
                204,
                send(
                        HttpRequest.newBuilder(api("security/users/admin/change-password"))
                                .header("Content-Type", "text/plain")
                                .PUT(HttpRequest.BodyPublishers.ofString(password)),
                        true),
                "change the administrator's password");
    }

    void disableAnonymousAccess() throws IOException, InterruptedException {
        putJson(
                "security/anonymous",
                "{\"enabled\":false,\"userId\":\"anonymous\",\"realmName\":\"NexusAuthorizingRealm\"}",
                200,
                "turn anonymous access off");
    }

    void createRole(String id, List<String> privileges) throws IOException, InterruptedException {
        postJson("security/roles", roleJson(id, privileges), 200, "create role " + id);
    }

    /** Adds {@code privileges} to the role {@code id}, keeping those it has. */
    void grantToRole(String id, List<String> privileges) throws IOException, InterruptedException {
        HttpResponse<String> current =
                send(HttpRequest.newBuilder(api("security/roles/" + id)).GET(), true);
        expect(200, current, "read role " + id);
        List<String> all = new ArrayList<>(stringArray(current.body(), "privileges"));
        privileges.stream().filter(p -> !all.contains(p)).forEach(all::add);
        putJson("security/roles/" + id, roleJson(id, all), 204, "update role " + id);
    }

    void createUser(String id, String password, String role) throws IOException, InterruptedException {
        postJson(
                "security/users",
                "{\"userId\":" + quote(id) + ",\"firstName\":\"CI\",\"lastName\":\"Agent\","
                        + "\"emailAddress\":\"" + id + "@example.com\",\"password\":" + quote(password)
                        + ",\"status\":\"active\",\"roles\":[" + quote(role) + "]}",
                200,
                "create user " + id);
    }

    boolean repositoryExists(String name) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api("repositories/" + name)).GET(), true)
                        .statusCode()
                == 200;
    }

    void createHostedRepository(String name, String versionPolicy, String writePolicy)
            throws IOException, InterruptedException {
        postJson(
                "repositories/maven/hosted",
                "{\"name\":" + quote(name) + ",\"online\":true,"
                        + "\"storage\":{\"blobStoreName\":\"default\",\"strictContentTypeValidation\":true,"
                        + "\"writePolicy\":" + quote(writePolicy) + "},"
                        + "\"maven\":{\"versionPolicy\":" + quote(versionPolicy) + ",\"layoutPolicy\":\"STRICT\"}}",
                201,
                "create hosted repository " + name);
    }

    /** A raw hosted repository: plain files under any path, as the Maven build cache's remote cache stores them. */
    void createRawHostedRepository(String name) throws IOException, InterruptedException {
        postJson(
                "repositories/raw/hosted",
                "{\"name\":" + quote(name) + ",\"online\":true,"
                        + "\"storage\":{\"blobStoreName\":\"default\",\"strictContentTypeValidation\":false,"
                        + "\"writePolicy\":\"allow\"}}",
                201,
                "create raw hosted repository " + name);
    }

    void createGroupRepository(String name, List<String> members) throws IOException, InterruptedException {
        postJson(
                "repositories/maven/group",
                "{\"name\":" + quote(name) + ",\"online\":true,"
                        + "\"storage\":{\"blobStoreName\":\"default\",\"strictContentTypeValidation\":true},"
                        + "\"group\":{\"memberNames\":" + jsonArray(members) + "}}",
                201,
                "create group repository " + name);
    }

    Optional<byte[]> download(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", authorization)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + ": HTTP " + response.statusCode());
        }
        return Optional.of(response.body());
    }

    int anonymousStatus(String url) throws IOException, InterruptedException {
        return client.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void postJson(String path, String json, int expected, String what)
            throws IOException, InterruptedException {
        expect(
                expected,
                send(
                        HttpRequest.newBuilder(api(path))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json)),
                        true),
                what);
    }

    private void putJson(String path, String json, int expected, String what) throws IOException, InterruptedException {
        expect(
                expected,
                send(
                        HttpRequest.newBuilder(api(path))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json)),
                        true),
                what);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean authenticated)
            throws IOException, InterruptedException {
        if (authenticated) {
            request.header("Authorization", authorization);
        }
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI api(String path) {
        return URI.create(baseUrl + "service/rest/v1/" + path);
    }

    private static void expect(int status, HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(
                    "Nexus refused to " + what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String roleJson(String id, List<String> privileges) {
        return "{\"id\":" + quote(id) + ",\"name\":" + quote(id) + ",\"description\":\"CI deploys firmware\","
                + "\"privileges\":" + jsonArray(privileges) + ",\"roles\":[]}";
    }

    /** The strings of the JSON array {@code field} in {@code json}; our role names need no unescaping. */
    private static List<String> stringArray(String json, String field) {
        Matcher array =
                Pattern.compile("\"" + field + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        List<String> values = new ArrayList<>();
        if (array.find()) {
            Matcher item = Pattern.compile("\"([^\"]*)\"").matcher(array.group(1));
            while (item.find()) {
                values.add(item.group(1));
            }
        }
        return values;
    }

    private static String jsonArray(List<String> values) {
        return "[" + String.join(",", values.stream().map(NexusRest::quote).toList()) + "]";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
