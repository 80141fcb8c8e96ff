package io.atolint.cli;

import io.atolint.parse.Parallel;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Preload.start();
        int code = onDeepStack(() -> run(args));
        System.out.flush();
        System.exit(code);
    }

    private static int run(String[] args) {
        try {
            return new Cli(System.out, System.err, Terminal.detect()).run(args);
        } catch (OutOfMemoryError e) {
            // what the scan held is unreachable by now: there is room for the message
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            return Cli.ERROR;
        }
    }

    /**
     * {@code command}'s exit code, run on a thread with the stack of the scan's worker threads: whether a
     * deeply nested file reads or overflows must not depend on which thread reads it, nor on the JVM's
     * {@code -Xss} (the main thread of a plain {@code java -jar} has 1 MB on Linux; the workers have 16 MB).
     */
    static int onDeepStack(java.util.function.IntSupplier command) {
        int[] code = {Cli.ERROR};
        Thread t = new Thread(null, () -> code[0] = command.getAsInt(), "atolint-main", Parallel.STACK_BYTES);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return code[0];
    }

    /** Which limit a scan ran into and how to raise it, instead of an OutOfMemoryError trace. */
    static String outOfMemory(long maxHeapBytes) {
        long mb = maxHeapBytes / (1024 * 1024);
        long suggested = Math.max(1, (mb * 2 + 1023) / 1024);
        return "atolint: out of memory: the scan needs more than the Java heap limit of " + mb + " MB. "
                + "Raise the limit, e.g. to " + suggested + " GB: ATOLINT_JAVA_OPTS=-Xmx" + suggested
                + "g ./atolint ... (or java -Xmx" + suggested + "g -jar atolint.jar ...), or scan fewer paths at once.";
    }
}
