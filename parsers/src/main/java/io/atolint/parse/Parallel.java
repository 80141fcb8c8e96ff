package io.atolint.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Applies a function to independent items on every core, results in the items' order, so that what
 * follows (claiming files, adding models, reporting) stays sequential and the output deterministic.
 * The calling thread works too; helpers are short-lived threads with the deep stack the readers need
 * (nesting up to the {@code nesting-depth} limit is recursion), as deep as the command line's thread, so
 * that no file reads differently on one thread than on another. A failure in any item is rethrown in
 * the caller once the other items stop (items catch their own defects; what arrives here is an
 * {@link Error} such as {@link OutOfMemoryError}).
 *
 * <p>The number of threads is the number of available processors, or the system property
 * {@code atolint.threads} (1 runs everything in the caller).
 */
public final class Parallel {
    /** Stack of a helper thread and of the thread the command line runs on ({@code io.atolint.cli.Main}). */
    public static final long STACK_BYTES = 16L * 1024 * 1024;

    private Parallel() {
    }

    /** How many threads a map uses at most. */
    public static int threads() {
        String p = System.getProperty("atolint.threads");
        if (p != null) {
            try {
                return Math.max(1, Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                // an unreadable setting falls back to the machine's size
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** {@code fn} applied to every item, in the items' order. */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> fn) {
        int n = items.size();
        int threads = Math.min(threads(), n);
        if (threads <= 1) {
            List<R> out = new ArrayList<>(n);
            for (T item : items) {
                out.add(fn.apply(item));
            }
            return out;
        }
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
                    results[i] = fn.apply(items.get(i));
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
        Thread[] helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(null, work, "atolint-worker-" + (i + 1), STACK_BYTES);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        work.run();
        awaitAll(helpers);
        Throwable t = failure.get();
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return out;
    }

    /**
     * Waits until every thread has ended, even when interrupted meanwhile (their results are needed); the
     * interruption is kept for the caller to see.
     */
    public static void awaitAll(Thread... threads) {
        boolean interrupted = false;
        for (Thread h : threads) {
            while (true) {
                try {
                    h.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code action} on every item on every core (no result). */
    public static <T> void forEach(List<T> items, java.util.function.Consumer<? super T> action) {
        map(items, item -> {
            action.accept(item);
            return null;
        });
    }
}
