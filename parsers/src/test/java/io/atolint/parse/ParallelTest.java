package io.atolint.parse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Results in the items' order whatever thread computed them; a failure reaches the caller as thrown. */
class ParallelTest {

    @Test
    void resultsComeInTheItemsOrderFromSeveralThreads() throws Exception {
        String before = System.getProperty("atolint.threads");
        System.setProperty("atolint.threads", "2");
        try {
            List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
            Set<String> threads = ConcurrentHashMap.newKeySet();
            // each thread's first item waits until both have one: the caller must work too, however fast the
            // helper is (an idle machine let the helper take every item before the caller started)
            CountDownLatch both = new CountDownLatch(2);
            List<String> out = Parallel.map(items, i -> {
                if (threads.add(Thread.currentThread().getName())) {
                    both.countDown();
                    try {
                        both.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return "item" + i;
            });
            List<String> expected = new ArrayList<>();
            items.forEach(i -> expected.add("item" + i));
            assertEquals(expected, out);
            assertEquals(0, both.getCount(), "two threads took items");
            assertTrue(threads.contains(Thread.currentThread().getName()), "the caller works too");
            assertEquals(2, threads.size());
        } finally {
            if (before == null) {
                System.clearProperty("atolint.threads");
            } else {
                System.setProperty("atolint.threads", before);
            }
        }
    }

    @Test
    void anErrorInAnItemIsRethrownAsItself() {
        OutOfMemoryError oom = new OutOfMemoryError("test");
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Parallel.map(items, i -> {
            if (i == 57) {
                throw oom;
            }
            return i;
        })));
        IllegalStateException bug = new IllegalStateException("defect");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> Parallel.forEach(items, i -> {
            if (i == 3) {
                throw bug;
            }
        })));
    }

    @Test
    void oneThreadRunsEverythingInTheCaller() {
        String before = System.getProperty("atolint.threads");
        System.setProperty("atolint.threads", "1");
        try {
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            List<Integer> out = Parallel.map(List.of(3, 1, 2), i -> {
                threads.add(Thread.currentThread());
                return i * 10;
            });
            assertEquals(List.of(30, 10, 20), out);
            assertEquals(Set.of(Thread.currentThread()), threads);
        } finally {
            if (before == null) {
                System.clearProperty("atolint.threads");
            } else {
                System.setProperty("atolint.threads", before);
            }
        }
    }
}
