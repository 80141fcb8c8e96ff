package io.atolint.cli;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code;
        Preload.start();
        try {
            code = new Cli(System.out, System.err, Terminal.detect()).run(args);
        } catch (OutOfMemoryError e) {
            // what the scan held is unreachable by now: there is room for the message
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            code = Cli.ERROR;
        }
        System.out.flush();
        System.exit(code);
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
