package io.atolint.checks.tls;

import java.util.Locale;
import java.util.Optional;

/**
 * What AWS's named TLS security policies accept, from their published definitions: the lowest TLS
 * version, and whether the ciphers are all forward-secret AEAD or SHA-2 suites ("strong") or include
 * suites without forward secrecy, with SHA-1 MACs or 3DES ("weak ciphers"). Elastic Load Balancing names
 * encode both ({@code ELBSecurityPolicy-TLS13-1-2-Res-2021-06}: TLS 1.2 and up, restricted ciphers);
 * OpenSearch names encode the version ({@code Policy-Min-TLS-1-2-2019-07}); Classic Load Balancer custom
 * policies list protocols and ciphers one by one ({@code Protocol-TLSv1 = true}, {@code DES-CBC3-SHA = true}).
 */
final class TlsPolicies {
    private TlsPolicies() {
    }

    /** What a policy accepts. {@code minimum} is "1.0", "1.1", "1.2" or "1.3". */
    record Accepts(String minimum, boolean weakCiphers) {
        boolean belowTls12() {
            return minimum.equals("1.0") || minimum.equals("1.1");
        }
    }

    /** The policy Elastic Load Balancing applies to an HTTPS/TLS listener created through the API without one. */
    static final String ELB_API_DEFAULT = "ELBSecurityPolicy-2016-08";

    /** The policy OpenSearch applies to a domain endpoint created through the API without one. */
    static final String OPENSEARCH_API_DEFAULT = "Policy-Min-TLS-1-0-2019-07";

    /** An Elastic Load Balancing predefined policy (ALB, NLB, CLB); empty when atolint does not know the name. */
    static Optional<Accepts> elb(String name) {
        String n = name.trim();
        if (!n.startsWith("ELBSecurityPolicy-")) {
            return Optional.empty();
        }
        String p = n.substring("ELBSecurityPolicy-".length()).toUpperCase(Locale.ROOT);
        if (p.startsWith("TLS13-1-3-")) {
            return Optional.of(new Accepts("1.3", false));
        }
        if (p.startsWith("TLS13-1-2-")) {
            // Ext0/Ext1/Ext2 add suites without forward secrecy or with SHA-1 for old clients.
            boolean extended = p.contains("-EXT0-") || p.contains("-EXT1-") || p.contains("-EXT2-");
            return Optional.of(new Accepts("1.2", extended));
        }
        if (p.startsWith("TLS13-1-1-") || p.startsWith("FS-1-1-") || p.startsWith("TLS-1-1-")) {
            return Optional.of(new Accepts("1.1", true));
        }
        if (p.startsWith("TLS13-1-0-") || p.startsWith("FS-2018-") || p.startsWith("TLS-1-0-")
                || p.matches("20\\d\\d-\\d\\d")) {
            return Optional.of(new Accepts("1.0", true));
        }
        if (p.startsWith("FS-1-2-RES-")) {
            return Optional.of(new Accepts("1.2", false));
        }
        if (p.startsWith("FS-1-2-") || p.startsWith("TLS-1-2-")) {
            return Optional.of(new Accepts("1.2", true)); // SHA-1 CBC or RSA key exchange suites
        }
        return Optional.empty();
    }

    /** A protocol attribute of a custom SSL negotiation policy that accepts TLS below 1.2, as a version. */
    static Optional<String> oldProtocol(String attribute) {
        return switch (attribute.trim().toLowerCase(Locale.ROOT)) {
            case "protocol-sslv3" -> Optional.of("SSL 3.0");
            case "protocol-tlsv1" -> Optional.of("1.0");
            case "protocol-tlsv1.1" -> Optional.of("1.1");
            default -> Optional.empty();
        };
    }

    /** A cipher attribute of a custom SSL negotiation policy that is weak: no forward secrecy, SHA-1, 3DES or RC4. */
    static boolean weakCipher(String attribute) {
        String c = attribute.trim().toUpperCase(Locale.ROOT);
        if (c.startsWith("PROTOCOL-") || c.startsWith("SERVER-DEFINED") || c.startsWith("REFERENCE-")) {
            return false;
        }
        boolean forwardSecret = c.startsWith("ECDHE-") || c.startsWith("DHE-");
        return !forwardSecret || c.endsWith("-SHA") || c.contains("DES") || c.contains("RC4");
    }

    /** An OpenSearch domain endpoint policy; empty when atolint does not know the name. */
    static Optional<Accepts> openSearch(String name) {
        String p = name.trim().toUpperCase(Locale.ROOT);
        if (p.startsWith("POLICY-MIN-TLS-1-0-")) {
            return Optional.of(new Accepts("1.0", true));
        }
        if (p.startsWith("POLICY-MIN-TLS-1-2-")) {
            return Optional.of(new Accepts("1.2", false)); // ciphers are not judged: the names do not say
        }
        return Optional.empty();
    }
}
