package io.atolint.cli;

import io.atolint.parse.ForwardingSourceTree;
import io.atolint.parse.ReadResult;
import io.atolint.parse.SourceTree;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-line progress display on stderr for long scans: shown only when stderr is a terminal and the
 * scan has more than {@value #MANY_FILES} files or runs longer than {@value #SLOW_MILLIS} ms; erased when the
 * scan ends, so the terminal keeps only the report. Never shown in pipes, files or CI logs.
 */
final class Progress implements AutoCloseable {
    static final int MANY_FILES = 200;
    static final long SLOW_MILLIS = 2000;
    private static final long TICK_MILLIS = 250;

    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> phase = new AtomicReference<>("reading");
    private final AtomicLong total = new AtomicLong();
    private volatile boolean shown;
    private ScheduledExecutorService ticker;

    Progress(PrintStream err, boolean stderrIsTerminal) {
        this.err = err;
        this.enabled = stderrIsTerminal;
    }

    /** Wraps the trees so that every file read counts, and starts the display. */
    List<SourceTree> track(List<SourceTree> trees) {
        long n = 0;
        for (SourceTree t : trees) {
            n += t.files().size();
        }
        total.set(n);
        if (enabled) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "atolint-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        return trees.stream().<SourceTree>map(Counting::new).toList();
    }

    void phase(String p) {
        phase.set(p);
    }

    /** Whether a scan of this size, this far in, shows progress. */
    static boolean due(long files, long elapsedMillis) {
        return files > MANY_FILES || elapsedMillis > SLOW_MILLIS;
    }

    String line() {
        long ms = (System.nanoTime() - start) / 1_000_000;
        return String.format("atolint: %s, %d/%d files read, %.1f s", phase.get(), read.size(), total.get(), ms / 1000.0);
    }

    synchronized void tick() {
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!due(total.get(), ms)) {
            return;
        }
        err.print("\r" + line() + "\u001b[K");
        err.flush();
        shown = true;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    /** Counts the distinct files the readers open. */
    private final class Counting extends ForwardingSourceTree {
        Counting(SourceTree tree) {
            super(tree);
        }

        @Override
        public ReadResult readText(String path) {
            return counted(path, delegate.readText(path));
        }

        @Override
        public ReadResult readBytes(String path) {
            return counted(path, delegate.readBytes(path));
        }

        private ReadResult counted(String path, ReadResult r) {
            if (!(r instanceof ReadResult.Failure)) {
                read.add(path);
            }
            return r;
        }
    }
}
