package io.atolint.cli;

import io.atolint.checks.Rules;
import io.atolint.model.Kind;
import io.atolint.model.KindTable;
import io.atolint.model.PropertyTable;
import io.atolint.parse.RegionAzs;
import io.atolint.rule.Check;
import io.atolint.suppress.PeerRules;

/**
 * Loads, on another thread, what every scan needs and no command-line argument changes: the AZ table,
 * the checks' classes with their declarations (annotations read by reflection: ~40 ms the first time),
 * and the tables of resource kinds, of properties and of peer tools' rules. Until the files are read in
 * parallel, start-up is one thread's work and the second core is mostly idle; the main thread, reading
 * the command line meanwhile, later finds them loaded (or waits on the one being loaded) instead of
 * loading them itself, the kinds table while the other reader waits. In the order the scan needs them.
 * Nothing here is kept: the JVM keeps loaded classes, their tables and read annotations.
 */
final class Preload {
    private Preload() {
    }

    /** Starts the loading; returns at once. */
    static void start() {
        // a Runnable class, not a lambda: the first lambda would set up invokedynamic on this thread now
        Thread t = new Thread(new Loader(), "atolint-preload");
        t.setDaemon(true);
        t.start();
    }

    private static final class Loader implements Runnable {
        @Override
        public void run() {
            load();
        }
    }

    private static void load() {
        try {
            RegionAzs.isKnownRegion("us-east-1");
            for (Check c : Rules.all()) {
                c.meta();
            }
            KindTable.isKnown("AWS::S3::Bucket");
            PropertyTable.find(Kind.UNKNOWN, "");
            PeerRules.standard();
        } catch (RuntimeException | Error e) {
            // the main thread meets the same failure where it reports failures
        }
    }
}
