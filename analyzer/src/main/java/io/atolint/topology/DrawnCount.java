package io.atolint.topology;

import io.atolint.model.Resource;

import java.util.regex.Pattern;

/**
 * What a drawn icon's label says of how many copies it stands for: "Web servers x2", "EC2 (3)", "3 Pods",
 * "Webサーバー（2台）" count them; "App (Auto Scaling)", "EC2 instances", "fleet" say several without a
 * number. A diagram states no size otherwise; the label is the person's claim.
 */
final class DrawnCount {
    private static final Pattern COUNTED = Pattern.compile(
            "(?i)(?:^|[\\s(])[x×]\\s*[2-9]\\b|\\b[2-9]\\s*[x×](?:\\s|$|\\))"
                    + "|\\b[2-9]\\d*\\s+(?:instances|servers|nodes|vms|pods|tasks|replicas|containers|copies)\\b"
                    // a count in brackets or as n: "EC2 (3)", "Web tier [n=4]", "n = 2"
                    + "|[(\\[]\\s*(?:[2-9]|[1-9]\\d)\\s*[)\\]]|\\bn\\s*=\\s*(?:[2-9]|[1-9]\\d)\\b"
                    // Japanese, Korean: "2台", "2대" (machines)
                    + "|[2-9]\\d*\\s*(?:台|대)");
    private static final Pattern PLURAL = Pattern.compile(
            "(?i)\\bauto ?scaling\\b|\\basg\\b|\\b(?:instances|servers|nodes|fleet)\\b"
                    // Japanese, Chinese: "複数" (several), auto scaling
                    + "|複数|多台|オートスケーリング|自动扩展|自動擴展|오토\\s*스케일링");

    private DrawnCount() {
    }

    /** Whether a drawn resource's label gives it a count of two or more. */
    static boolean counted(Resource r) {
        return r.format().isDiagram() && COUNTED.matcher(r.displayName()).find();
    }

    /** Whether a drawn resource's label says it stands for several copies, counted or not. */
    static boolean several(Resource r) {
        return counted(r) || r.format().isDiagram() && PLURAL.matcher(r.displayName()).find();
    }
}
