package io.multiimage.core.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one output stream of a process on its own thread, hands every line to a consumer and
 * keeps the last lines. Draining both streams concurrently keeps a chatty process from
 * blocking on a full pipe.
 */
final class LineDrain implements Runnable {

    /** Longest line kept in the tail; longer ones are cut so that one line cannot eat memory. */
    private static final int MAX_TAIL_LINE = 2000;

    private final InputStream stream;
    private final Consumer<String> consumer;
    private final int tailLines;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread thread;
    private RuntimeException consumerFailure;

    private LineDrain(InputStream stream, Consumer<String> consumer, int tailLines, String name) {
        this.stream = stream;
        this.consumer = consumer;
        this.tailLines = tailLines;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    /** Starts draining {@code stream} on a new daemon thread. */
    static LineDrain start(InputStream stream, Consumer<String> consumer, int tailLines, String name) {
        LineDrain drain = new LineDrain(stream, consumer, tailLines, name);
        drain.thread.start();
        return drain;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                deliver(line);
            }
        } catch (IOException e) {
            // The stream was closed under us (the process was killed): the tail holds what came.
        }
    }

    private synchronized void remember(String line) {
        if (tailLines == 0) {
            return;
        }
        if (tail.size() == tailLines) {
            tail.removeFirst();
        }
        tail.addLast(line.length() > MAX_TAIL_LINE ? line.substring(0, MAX_TAIL_LINE) + "..." : line);
    }

    private void deliver(String line) {
        if (consumerFailure != null) {
            return;
        }
        try {
            consumer.accept(line);
        } catch (RuntimeException e) {
            // Keep draining so the process cannot block; the failure is reported afterwards.
            synchronized (this) {
                consumerFailure = e;
            }
        }
    }

    /** Waits until the stream ended, at most {@code grace}. */
    void awaitEnd(Duration grace) throws InterruptedException {
        thread.join(Math.max(1, grace.toMillis()));
    }

    /** The last lines read so far, oldest first. */
    synchronized List<String> tail() {
        return new ArrayList<>(tail);
    }

    /** Throws what the consumer threw, if it did. */
    synchronized void rethrowConsumerFailure() {
        if (consumerFailure != null) {
            throw consumerFailure;
        }
    }
}
