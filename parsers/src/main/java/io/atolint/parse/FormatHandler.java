package io.atolint.parse;

/**
 * One input format's entry point into a scan. A handler looks at the files of the tree that no
 * earlier handler claimed, claims the ones it reads (so that, for example, the templates of a
 * {@code cdk.out} are not read again as plain CloudFormation) and adds models to the session.
 */
public interface FormatHandler {

    /** A short name for messages ("cloudformation", "cdk", "terraform", "drawio"). */
    String name();

    void scan(ScanSession session);
}
