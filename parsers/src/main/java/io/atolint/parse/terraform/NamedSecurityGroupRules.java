package io.atolint.parse.terraform;

import java.util.List;
import java.util.Map;

/**
 * The named rules of the terraform-aws-modules security-group module ({@code ingress_rules = ["ssh-tcp"]}):
 * the ports and protocol each name stands for, for the names found in practice, and the rules its preset
 * submodules ({@code //modules/ssh}, {@code //modules/http-80}, ...) add on their own. A name not listed here
 * gives UNKNOWN ports, never a guess.
 */
final class NamedSecurityGroupRules {
    /** From port, to port, protocol. */
    record Ports(int from, int to, String protocol) {
    }

    private static final Map<String, Ports> RULES = Map.ofEntries(
            Map.entry("all-all", new Ports(-1, -1, "-1")),
            Map.entry("all-tcp", new Ports(0, 65535, "tcp")),
            Map.entry("all-udp", new Ports(0, 65535, "udp")),
            Map.entry("all-icmp", new Ports(-1, -1, "icmp")),
            Map.entry("all-ipv6-icmp", new Ports(-1, -1, "58")),
            Map.entry("http-80-tcp", new Ports(80, 80, "tcp")),
            Map.entry("http-8080-tcp", new Ports(8080, 8080, "tcp")),
            Map.entry("https-443-tcp", new Ports(443, 443, "tcp")),
            Map.entry("https-8443-tcp", new Ports(8443, 8443, "tcp")),
            Map.entry("ssh-tcp", new Ports(22, 22, "tcp")),
            Map.entry("rdp-tcp", new Ports(3389, 3389, "tcp")),
            Map.entry("rdp-udp", new Ports(3389, 3389, "udp")),
            Map.entry("winrm-http-tcp", new Ports(5985, 5985, "tcp")),
            Map.entry("winrm-https-tcp", new Ports(5986, 5986, "tcp")),
            Map.entry("mysql-tcp", new Ports(3306, 3306, "tcp")),
            Map.entry("postgresql-tcp", new Ports(5432, 5432, "tcp")),
            Map.entry("mssql-tcp", new Ports(1433, 1433, "tcp")),
            Map.entry("oracle-db-tcp", new Ports(1521, 1521, "tcp")),
            Map.entry("mongodb-27017-tcp", new Ports(27017, 27017, "tcp")),
            Map.entry("redis-tcp", new Ports(6379, 6379, "tcp")),
            Map.entry("memcached-tcp", new Ports(11211, 11211, "tcp")),
            Map.entry("elasticsearch-rest-tcp", new Ports(9200, 9200, "tcp")),
            Map.entry("kafka-broker-tcp", new Ports(9092, 9092, "tcp")),
            Map.entry("nfs-tcp", new Ports(2049, 2049, "tcp")),
            Map.entry("dns-udp", new Ports(53, 53, "udp")),
            Map.entry("dns-tcp", new Ports(53, 53, "tcp")),
            Map.entry("ntp-udp", new Ports(123, 123, "udp")),
            Map.entry("kubernetes-api-tcp", new Ports(6443, 6443, "tcp")),
            Map.entry("ldap-tcp", new Ports(389, 389, "tcp")),
            Map.entry("ldaps-tcp", new Ports(636, 636, "tcp")),
            Map.entry("smtp-tcp", new Ports(25, 25, "tcp")),
            Map.entry("openvpn-udp", new Ports(1194, 1194, "udp")));

    /** The preset submodules modelled: the ingress rules each adds to those given. */
    private static final Map<String, List<String>> PRESETS = Map.of(
            "ssh", List.of("ssh-tcp"),
            "http-80", List.of("http-80-tcp"),
            "http-8080", List.of("http-8080-tcp"),
            "https-443", List.of("https-443-tcp"),
            "https-8443", List.of("https-8443-tcp"),
            "rdp", List.of("rdp-tcp", "rdp-udp"),
            "mysql", List.of("mysql-tcp"),
            "postgresql", List.of("postgresql-tcp"),
            "redis", List.of("redis-tcp"),
            "mssql", List.of("mssql-tcp"));

    private NamedSecurityGroupRules() {
    }

    /** The ports a rule name stands for, or null when the name is not one of those listed. */
    static Ports ports(String name) {
        return name == null ? null : RULES.get(name);
    }

    /** The ingress rules a preset submodule adds, or null when {@code preset} is not a preset modelled here. */
    static List<String> presetIngress(String preset) {
        return PRESETS.get(preset);
    }
}
