package io.atolint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a resource runs.
 * <ul>
 *   <li>{@link Scope#ZONAL}: in every AZ of {@code azs} (an ALB in its subnets' AZs, a Multi-AZ RDS
 *       instance across its subnet group).</li>
 *   <li>{@link Scope#ONE_OF}: in exactly one AZ, one of {@code azs} (a single-AZ RDS instance whose
 *       subnet group spans two AZs): its AZ count is provably 1 even though the AZ is not known.</li>
 *   <li>{@link Scope#REGIONAL}: an AWS-managed service that is multi-AZ by construction (S3, DynamoDB).</li>
 *   <li>{@link Scope#GLOBAL}: not tied to a region (IAM, CloudFront).</li>
 *   <li>{@link Scope#OUTSIDE_AWS}: on premises, users, devices (diagrams).</li>
 *   <li>{@link Scope#UNKNOWN}: cannot be decided; {@code reason} says why.</li>
 *   <li>{@link Scope#NONE}: the concept does not apply or nothing places it.</li>
 * </ul>
 * A placement keeps its evidence, so that nothing resolves it again: {@code reason} (why it is UNKNOWN,
 * or what decided it), each AZ's {@link Az#how() how} (the expression that chose it: {@code GetAZs('')[1]},
 * {@code parameter AppAz2 (default us-east-1b)}, {@code var.azs[1]}, a drawn AZ box), and the subnets it
 * rests on with the attribute that names them ({@code subnetsFrom}: {@code Subnets}, {@code VPCZoneIdentifier},
 * a subnet group), null when its AZs do not come from subnets.
 */
public record Placement(Scope scope, List<Az> azs, String reason, String subnetsFrom, List<Subnet> subnets) {

    public enum Scope { ZONAL, ONE_OF, REGIONAL, GLOBAL, OUTSIDE_AWS, UNKNOWN, NONE }

    /**
     * One subnet a placement rests on.
     *
     * @param name display name of the subnet, or the value naming it when it is not in the scanned files
     * @param id   the id of the resource named (a subnet, or what a reference wrongly names), null when it is
     *             not in the scanned files
     * @param az   the AZ it is in, with how that AZ was chosen
     * @param at   where the subnet is defined, else where the resource names it
     * @param azAt where the expression choosing its AZ is written, null when nothing states it
     */
    public record Subnet(String name, String id, Az az, SourceLocation at, SourceLocation azAt) {
        /** {@code SubnetA (us-east-1a)}, {@code SubnetB (us-east-1a via GetAZs('')[0] of us-east-1)}. */
        public String describe() {
            return name + " (" + az.explain() + ")";
        }
    }

    public Placement {
        azs = List.copyOf(azs);
        reason = reason == null ? "" : reason;
        subnets = List.copyOf(subnets);
    }

    public Placement(Scope scope, List<Az> azs, String reason) {
        this(scope, azs, reason, null, List.of());
    }

    public static final Placement NONE = new Placement(Scope.NONE, List.of(), "");
    /** The reason of a drawn icon's placement in no AZ box whose own label names its AZ ("NAT Gateway AZ-1"). */
    public static final String NAMED_IN_LABEL = "named in its label";

    /** The same placement, resting on {@code subnets} that {@code attribute} names (directly or through a group). */
    public Placement from(String attribute, List<Subnet> subnets) {
        return new Placement(scope, azs, reason, attribute, subnets);
    }

    /** The same placement, resting on the evidence of another (a database on its subnet group's subnets). */
    public Placement from(String attribute, Placement other) {
        return new Placement(scope, azs, reason, attribute, other.subnets);
    }

    /** Whether the placement was read from subnets the resource names (even when they could not be resolved). */
    public boolean fromSubnets() {
        return subnetsFrom != null;
    }

    public static Placement zonal(List<Az> azs, String reason) {
        return new Placement(Scope.ZONAL, azs, reason);
    }

    public static Placement oneOf(List<Az> candidates, String reason) {
        return new Placement(Scope.ONE_OF, candidates, reason);
    }

    public static Placement unknown(String reason) {
        return new Placement(Scope.UNKNOWN, List.of(), reason);
    }

    public static Placement regional(String reason) {
        return new Placement(Scope.REGIONAL, List.of(), reason);
    }

    public static Placement global(String reason) {
        return new Placement(Scope.GLOBAL, List.of(), reason);
    }

    public static Placement outsideAws(String reason) {
        return new Placement(Scope.OUTSIDE_AWS, List.of(), reason);
    }

    public boolean isKnown() {
        return scope != Scope.UNKNOWN;
    }

    /**
     * The number of distinct AZs, as a range: {@code min} is what can be proven (pairs of provably
     * different AZs), {@code max} what cannot be excluded. {@code null} when the placement is not
     * zonal at all (regional, global, outside AWS, none) or unknown.
     */
    public AzCount azCount() {
        return switch (scope) {
            case ONE_OF -> new AzCount(1, 1);
            case ZONAL -> AzCount.of(azs);
            default -> null;
        };
    }

    /** The range of distinct AZ counts that a list of AZs may amount to. */
    public record AzCount(int min, int max) {
        public static AzCount of(List<Az> azs) {
            if (azs.isEmpty()) {
                return new AzCount(0, 0);
            }
            // max: classes of provably-equal AZs (union-find); unknowns are each their own class.
            int n = azs.size();
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (azs.get(i).sameAs(azs.get(j)).isTrue()) {
                        parent[find(parent, j)] = find(parent, i);
                    }
                }
            }
            List<Integer> reps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (find(parent, i) == i) {
                    reps.add(i);
                }
            }
            // min: a greedy clique of classes that are pairwise provably different (a lower bound;
            // exact for the sizes that matter: is it 1 or at least 2?).
            List<Integer> clique = new ArrayList<>();
            for (int r : reps) {
                boolean allDifferent = true;
                for (int c : clique) {
                    if (!azs.get(r).sameAs(azs.get(c)).isFalse()) {
                        allDifferent = false;
                        break;
                    }
                }
                if (allDifferent) {
                    clique.add(r);
                }
            }
            return new AzCount(Math.max(1, clique.size()), reps.size());
        }

        private static int find(int[] p, int i) {
            while (p[i] != i) {
                p[i] = p[p[i]];
                i = p[i];
            }
            return i;
        }

        public boolean isExact() {
            return min == max;
        }

        /** Provably in one AZ at most. */
        public boolean provablySingle() {
            return max <= 1;
        }

        /** Provably in two AZs or more. */
        public boolean provablyMulti() {
            return min >= 2;
        }

        @Override
        public String toString() {
            return isExact() ? Integer.toString(min) : min + ".." + max;
        }
    }

    public String display() {
        return switch (scope) {
            case ZONAL, ONE_OF -> {
                List<String> parts = new ArrayList<>();
                for (Az az : azs) {
                    parts.add(az.display());
                }
                yield (scope == Scope.ONE_OF ? "one of " : "") + String.join(", ", parts);
            }
            case REGIONAL -> "regional" + (reason.isEmpty() ? "" : " (" + reason + ")");
            case GLOBAL -> "global";
            case OUTSIDE_AWS -> "outside AWS";
            case UNKNOWN -> "UNKNOWN (" + reason + ")";
            case NONE -> "-";
        };
    }
}
