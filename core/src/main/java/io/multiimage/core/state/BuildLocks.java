package io.multiimage.core.state;

import io.multiimage.core.OutputWriteException;
import io.multiimage.core.spi.BuildLog;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive use of build directories for the length of a build: a second build that would
 * write the same directories (another Maven, a CI job, an IDE) waits, saying so, until the
 * first is done. Without it two builds interleave their outputs and records, and one of them
 * later calls the other's firmware up to date.
 *
 * <p>Each directory is locked through {@code .state/lock} in it (an operating-system file lock,
 * released when the process ends however it ends) and, within one JVM, a lock per path. Locks
 * are taken in path order, so two builds locking overlapping sets cannot deadlock.
 */
public final class BuildLocks implements AutoCloseable {

    /** File locks belong to the JVM, not to a thread: threads of one JVM queue here first. */
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private record Held(Path dir, ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {}

    private final List<Held> held;

    private BuildLocks(List<Held> held) {
        this.held = held;
    }

    /**
     * Locks {@code dirs} (created if needed), waiting for other builds that hold any of them.
     *
     * @throws IOException when a lock file cannot be created
     * @throws InterruptedException when interrupted while waiting; nothing is held then
     */
    public static BuildLocks acquire(List<Path> dirs, BuildLog log) throws IOException, InterruptedException {
        TreeSet<Path> ordered = new TreeSet<>();
        dirs.forEach(dir -> ordered.add(dir.toAbsolutePath().normalize()));
        List<Held> held = new ArrayList<>();
        try {
            for (Path dir : ordered) {
                held.add(lock(dir, log));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            new BuildLocks(held).close();
            throw e;
        }
        return new BuildLocks(held);
    }

    private static Held lock(Path dir, BuildLog log) throws IOException, InterruptedException {
        Path file = dir.resolve(".state").resolve("lock");
        ReentrantLock jvmLock = IN_THIS_JVM.computeIfAbsent(dir, d -> new ReentrantLock());
        if (!jvmLock.tryLock()) {
            log.info("Waiting for another build in this JVM that is writing " + dir);
            jvmLock.lockInterruptibly();
        }
        FileChannel channel = null;
        try {
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new OutputWriteException(file, e);
            }
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                log.info("Waiting for another build that is writing " + dir + " (it holds " + file + ")");
                fileLock = channel.lock();
            }
            return new Held(dir, jvmLock, channel, fileLock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            jvmLock.unlock();
            throw e;
        }
    }

    /** Releases every lock. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (int i = held.size() - 1; i >= 0; i--) {
            Held lock = held.get(i);
            try {
                lock.fileLock().release();
                lock.channel().close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            } finally {
                lock.jvmLock().unlock();
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
