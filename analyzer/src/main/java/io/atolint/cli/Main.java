package io.atolint.cli;

/** Entry point of the runnable jar. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(System.out, System.err, Terminal.detect()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
