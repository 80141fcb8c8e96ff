package io.atolint.cli;

/** A command-line or I/O problem that ends the run with exit code 2 and a one-line message. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
