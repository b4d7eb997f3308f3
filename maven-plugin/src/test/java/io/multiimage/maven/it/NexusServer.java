package io.multiimage.maven.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real Sonatype Nexus Repository for the integration tests, set up as a company runs it:
 * anonymous access off, an administrator with a password of our own, a deploy user whose
 * password is in {@code src/it/settings.xml} and, per test, hosted release and snapshot
 * repositories behind a group.
 *
 * <p>The build starts one Nexus before the integration tests ({@code main start}) and stops it
 * after them ({@code main stop}), both through exec-maven-plugin. Start-up takes about a minute,
 * so {@link #start} returns at once and a test that needs the server waits in {@link #connect};
 * tests that do not need it run meanwhile.
 */
public final class NexusServer {

    /** The deploy user every test's settings.xml names (servers {@code company-*}). */
    public static final String DEPLOYER = "ci-deployer";

    /** The deploy user's password, as src/it/settings.xml gives it (plain and encrypted). */
    public static final String DEPLOYER_PASSWORD = "deploy-s3cret";

    /** The role that lets {@link #DEPLOYER} read and write the tests' repositories. */
    static final String DEPLOYER_ROLE = "firmware-deployer";

    static final String ADMIN_PASSWORD = "admin-s3cret-for-its";

    private static final String STATE_FILE = "state.properties";
    private static final String PROVISIONED_MARKER = "provisioned";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private final Path work;
    private final NexusRest rest;

    private NexusServer(Path work, NexusRest rest) {
        this.work = work;
        this.rest = rest;
    }

    /**
     * {@code start <install-dir> <work-dir>} or {@code stop <work-dir>}: what the build runs
     * before and after the integration tests.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[0].equals("stop")) {
            stop(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("start")) {
            start(Path.of(args[1]), Path.of(args[2]));
        } else {
            throw new IllegalArgumentException("usage: NexusServer start <install-dir> <work-dir> | stop <work-dir>");
        }
    }

    /**
     * Starts Nexus from the unpacked distribution {@code install} with a fresh data directory
     * {@code work}, listening on a free loopback port, and returns without waiting for it. A
     * server a previous, interrupted run left behind is stopped first.
     */
    public static void start(Path install, Path work) throws IOException, InterruptedException {
        stop(work);
        deleteTree(work);
        Files.createDirectories(work.resolve("etc"));
        int port = freePort();
        Files.writeString(
                work.resolve("etc/nexus.properties"),
                String.join(
                        "\n",
                        "application-host=127.0.0.1",
                        "application-port=" + port,
                        "nexus.onboarding.enabled=false",
                        "nexus.scripts.allowCreation=false",
                        ""));
        ProcessBuilder builder = new ProcessBuilder(install.resolve("bin/nexus").toString(), "server")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("KARAF_DATA", work.toAbsolutePath().toString());
        // Nexus asks for 2.7 GB by default; the tests' few artifacts need far less.
        builder.environment().put("JAVA_MIN_MEM", "256m");
        builder.environment().put("JAVA_MAX_MEM", "1024m");
        builder.environment().put("DIRECT_MAX_MEM", "1024m");
        Process process = builder.start();
        Properties state = new Properties();
        state.setProperty("port", Integer.toString(port));
        state.setProperty("pid", Long.toString(process.pid()));
        state.setProperty("started", Instant.now().toString());
        try (OutputStream out = Files.newOutputStream(work.resolve(STATE_FILE))) {
            state.store(out, "Nexus started for the integration tests");
        }
        System.out.println("[nexus] starting on http://127.0.0.1:" + port + "/ (pid " + process.pid() + ", log "
                + work.resolve("server.log") + ")");
    }

    /** Stops the server started in {@code work}, if it still runs, and everything it started. */
    public static void stop(Path work) throws IOException, InterruptedException {
        Optional<Properties> state = readState(work);
        if (state.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(state.get().getProperty("pid"));
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(handle.get().descendants(), Stream.of(handle.get()))
                .toList();
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(60);
        for (ProcessHandle p : tree) {
            while (p.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        System.out.println("[nexus] stopped (pid " + pid + ")");
    }

    /**
     * The server started in {@code work}, once it answers: waits for start-up, then sets it up
     * as a company would the first time (administrator password changed, anonymous access off,
     * the deploy role and user created).
     */
    public static NexusServer connect(Path work) throws IOException, InterruptedException {
        Properties state = readState(work)
                .orElseThrow(() -> new IllegalStateException(
                        "No Nexus was started in " + work + ": the integration tests that deploy need the build's"
                                + " Nexus (do not pass -Dnexus.skip=true when running them)"));
        String base = "http://127.0.0.1:" + state.getProperty("port") + "/";
        awaitWritable(base, work, Long.parseLong(state.getProperty("pid")));
        Path marker = work.resolve(PROVISIONED_MARKER);
        if (!Files.exists(marker)) {
            String initial = Files.readString(work.resolve("admin.password")).trim();
            NexusRest first = new NexusRest(base, "admin", initial);
            first.changeAdminPassword(ADMIN_PASSWORD);
            NexusRest admin = new NexusRest(base, "admin", ADMIN_PASSWORD);
            admin.disableAnonymousAccess();
            admin.createRole(DEPLOYER_ROLE, List.of());
            admin.createUser(DEPLOYER, DEPLOYER_PASSWORD, DEPLOYER_ROLE);
            Files.writeString(marker, Instant.now() + "\n");
        }
        return new NexusServer(work, new NexusRest(base, "admin", ADMIN_PASSWORD));
    }

    /** Connects to the server the build started, whose data directory is {@code work}. */
    public static NexusServer connect(String work) throws IOException, InterruptedException {
        return connect(Path.of(work));
    }

    /**
     * Hosted repositories {@code <name>-releases} (a release is deployed once) and
     * {@code <name>-snapshots}, and the group {@code <name>} over both, the deploy user allowed to
     * read and write them. Created on first use; a name stands for one test run, so a second
     * Maven running the same test passes another name.
     */
    public CompanyRepositories repositories(String name) throws IOException, InterruptedException {
        if (!name.matches("[a-z0-9][a-z0-9.-]{0,60}")) {
            throw new IllegalArgumentException("not a repository name: " + name);
        }
        String releases = name + "-releases";
        String snapshots = name + "-snapshots";
        if (!rest.repositoryExists(name)) {
            rest.createHostedRepository(releases, "RELEASE", "allow_once");
            rest.createHostedRepository(snapshots, "SNAPSHOT", "allow");
            rest.createGroupRepository(name, List.of(releases, snapshots));
            rest.grantToRole(
                    DEPLOYER_ROLE,
                    List.of(
                            "nx-repository-view-maven2-" + releases + "-*",
                            "nx-repository-view-maven2-" + snapshots + "-*",
                            "nx-repository-view-maven2-" + name + "-read",
                            "nx-repository-view-maven2-" + name + "-browse"));
        }
        return new CompanyRepositories(
                rest.baseUrl() + "repository/" + releases + "/",
                rest.baseUrl() + "repository/" + snapshots + "/",
                rest.baseUrl() + "repository/" + name + "/");
    }

    /**
     * A raw hosted repository {@code <name>} for the Maven build cache's remote cache, the deploy
     * user allowed to read and write it; created on first use. Returns its URL without the
     * trailing slash, as {@code maven.build.cache.remote.url} takes it.
     */
    public String buildCache(String name) throws IOException, InterruptedException {
        if (!name.matches("[a-z0-9][a-z0-9.-]{0,60}")) {
            throw new IllegalArgumentException("not a repository name: " + name);
        }
        if (!rest.repositoryExists(name)) {
            rest.createRawHostedRepository(name);
            rest.grantToRole(DEPLOYER_ROLE, List.of("nx-repository-view-raw-" + name + "-*"));
        }
        return rest.baseUrl() + "repository/" + name;
    }

    /** The server's root URL, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return rest.baseUrl();
    }

    /** The bytes at {@code url} read as the administrator, or empty if the server has none (404). */
    public Optional<byte[]> download(String url) throws IOException, InterruptedException {
        return rest.download(url);
    }

    /** The HTTP status Nexus answers to a GET of {@code url} without credentials. */
    public int anonymousStatus(String url) throws IOException, InterruptedException {
        return rest.anonymousStatus(url);
    }

    /** The data directory of this server. */
    public Path work() {
        return work;
    }

    private static void awaitWritable(String base, Path work, long pid) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        NexusRest probe = new NexusRest(base, "admin", "");
        while (!probe.writable()) {
            if (ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                throw new IllegalStateException(
                        "Nexus stopped while starting; its output:\n" + tail(work.resolve("server.log")));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Nexus did not answer within " + START_TIMEOUT.toMinutes()
                        + " minutes; its output:\n" + tail(work.resolve("server.log")));
            }
            Thread.sleep(1000);
        }
    }

    private static Optional<Properties> readState(Path work) throws IOException {
        Path file = work.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            state.load(in);
        }
        return Optional.of(state);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The URLs of one test's repositories. */
    public record CompanyRepositories(String releases, String snapshots, String group) {}
}
