package io.atolint.cli;

import io.atolint.parse.Parallel;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Preload.start();
        int code = onDeepStack(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * The command's exit code, run on a thread with the stack of the scan's worker threads: whether a
     * deeply nested file reads or overflows must not depend on which thread reads it, nor on the JVM's
     * {@code -Xss} (the main thread of a plain {@code java -jar} has 1 MB on Linux; the workers have 16 MB).
     */
    private static int onDeepStack(String[] args) {
        Command command = new Command(args);
        Thread t = new Thread(null, command, "atolint-main", Parallel.STACK_BYTES);
        t.start();
        Parallel.awaitAll(t);
        return command.code;
    }

    /** A class, not a lambda: the first lambda would set up invokedynamic here, before the command starts. */
    private static final class Command implements Runnable {
        private final String[] args;
        private volatile int code = Cli.ERROR;

        Command(String[] args) {
            this.args = args;
        }

        @Override
        public void run() {
            try {
                code = new Cli(System.out, System.err, Terminal.detect()).run(args);
            } catch (OutOfMemoryError e) {
                // what the scan held is unreachable by now: there is room for the message
                System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            } catch (RuntimeException | StackOverflowError e) {
                // a defect outside what the scan isolates per file and per rule: one line, not a trace
                System.err.println(internalError(e));
            }
        }
    }

    /** A defect that reached the top: what and where, on one line (exit code 2). */
    static String internalError(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        // the exception's message may quote a scanned file: no control character reaches the terminal
        String what = (e + (at.length > 0 ? " at " + at[0] : "")).replaceAll("[\\p{Cntrl}]", "?");
        return "atolint: internal error: " + what + " (please report it with the command that caused it)";
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
