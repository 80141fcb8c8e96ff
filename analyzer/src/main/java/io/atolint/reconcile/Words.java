package io.atolint.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labels and names as words that can be compared: "Web ALB (AZ a)", {@code WebAlb}, {@code aws_lb.web[0]}
 * and {@code Stack/WebAlb/Resource} all become {@code [web]}. CamelCase and separators split words; case
 * is folded; words that only say what kind of thing it is ("load balancer", "subnet", "server") and filler
 * ("the", "AWS") are dropped, because the kind is compared separately; copy marks (a trailing number or
 * letter, an AZ name) and role words (primary, standby, replica...) are kept aside. Two word lists are
 * compared with a score, never by exact string equality.
 */
final class Words {
    private static final Pattern AZ_LITERAL = Pattern.compile("(?i)\\b[a-z]{2}(?:-gov)?-[a-z]+-\\d([a-z])\\b");
    private static final Pattern AZ_WORD = Pattern.compile(
            "(?i)\\b(?:availability[\\s_-]*zone|az)[\\s_#-]*(\\d{1,2}|[a-h])\\b");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\\d)|(?<=\\d)(?=[A-Za-z])");

    /** Product names in mixed case, kept whole before camel case is split. */
    private static final Pattern PRODUCTS = Pattern.compile("(?i)postgresql|mysql|mariadb|dynamodb|elasticache|opensearch"
            + "|cloudfront|cloudwatch|cloudtrail|documentdb|docdb|guardduty|eventbridge|apigateway|sqlserver|mssql|redshift"
            + "|elasticsearch|memorydb|keyspaces|appsync|sagemaker|cloudformation|codepipeline|codebuild|stepfunctions");

    /** Phrases that name a kind of thing, removed before splitting into words. */
    private static final List<String> KIND_PHRASES = List.of("application load balancer", "network load balancer",
            "load balancer", "auto scaling group", "autoscaling group", "auto scaling", "internet gateway",
            "nat gateway", "customer gateway", "transit gateway", "virtual private gateway", "vpn gateway",
            "direct connect", "elastic ip", "file system", "user pool", "hosted zone", "security group",
            "target group", "subnet group", "replication group", "elastic container service",
            "elastic kubernetes service", "simple storage service", "relational database service",
            "virtual private cloud", "api gateway", "key management service", "secrets manager");

    /** Words that say only what kind of thing it is; the kind is compared on its own. */
    private static final Set<String> KIND_WORDS = Set.of("ec2", "rds", "alb", "elb", "nlb", "clb", "lb", "elbv2",
            "asg", "autoscaling", "nat", "igw", "ngw", "vpc", "subnet", "bucket", "s3", "dynamodb", "ddb", "lambda",
            "function", "sqs", "queue", "sns", "topic", "ecs", "eks", "fargate", "cloudfront", "distribution", "cdn",
            "apigateway", "apigw", "waf", "webacl", "elasticache", "redis", "memcached", "efs", "fsx", "opensearch",
            "elasticsearch", "redshift", "kinesis", "firehose", "msk", "kafka", "kms", "cmk", "ssm", "acm",
            "cognito", "route53", "r53", "dns", "vpn", "cgw", "vgw", "tgw", "dx", "eip", "docdb", "documentdb",
            "neptune", "glacier", "beanstalk", "emr", "aurora", "postgres", "postgresql", "mysql", "mariadb",
            "sqlserver", "mssql", "oracle", "memorydb", "appsync", "eventbridge", "sagemaker", "db", "cluster", "instance", "server", "service", "node", "gateway", "gw",
            "endpoint", "table", "stream", "domain", "vault", "alarm", "trail", "cloudtrail", "cloudwatch",
            "container", "task", "ip", "record", "zone", "guardduty", "detector", "rest", "api", "http", "https", "vm", "host", "machine",
            "compute", "storage", "database");
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "of", "for", "and", "to", "in", "on",
            "with", "from", "by", "aws", "amazon", "resource", "default", "this", "main", "construct", "my", "new",
            "id", "name", "group");
    /** Words that name a subnet's role; kept apart because they are the role, not the name. */
    private static final Set<String> SUBNET_ROLES = Set.of("public", "private", "isolated", "protected", "dmz");
    private static final Set<String> ROLE_WORDS = Set.of("primary", "standby", "secondary", "replica", "replicas",
            "reader", "writer", "master", "slave", "failover", "read", "active", "passive");
    private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("application", "app"),
            Map.entry("apps", "app"), Map.entry("databases", "db"), Map.entry("database", "db"),
            Map.entry("production", "prod"), Map.entry("development", "dev"), Map.entry("frontend", "front"),
            Map.entry("backend", "back"), Map.entry("webserver", "web"), Map.entry("website", "web"),
            Map.entry("servers", "server"), Map.entry("instances", "instance"), Map.entry("nodes", "node"),
            Map.entry("functions", "function"), Map.entry("services", "service"), Map.entry("buckets", "bucket"),
            Map.entry("tables", "table"), Map.entry("queues", "queue"), Map.entry("topics", "topic"),
            Map.entry("clusters", "cluster"), Map.entry("subnets", "subnet"), Map.entry("tasks", "task"),
            Map.entry("containers", "container"), Map.entry("gateways", "gateway"), Map.entry("balancers", "balancer"),
            Map.entry("loadbalancer", "lb"), Map.entry("vms", "vm"), Map.entry("hosts", "host"),
            Map.entry("microservices", "microservice"), Map.entry("workers", "worker"));
    private static final Set<String> PLURAL_KIND = Set.of("servers", "instances", "nodes", "functions", "services",
            "buckets", "tables", "queues", "topics", "clusters", "tasks", "containers", "vms", "hosts",
            "microservices", "workers", "lambdas");

    private Words() {
    }

    /**
     * A text read as words: {@code tokens} that name it, {@code roles} (standby, replica...), a copy mark
     * ({@code copy}: 0-based index from a trailing number, letter or AZ name; -1 when none), the subnet role
     * words it holds, and whether a kind word was plural ("Lambda functions": one icon for several).
     */
    record Parsed(List<String> tokens, Set<String> roles, int copy, Set<String> subnetRoles, boolean plural,
                  List<String> all) {
        boolean isGeneric() {
            return tokens.isEmpty();
        }
    }

    /**
     * Every word of a text, lower case, with copy marks and filler ("the", "AWS") dropped but kind words
     * kept: {@code WebLaunchTemplate} is {@code [web, launch, template]}. Two names with the same words are the
     * same name written twice.
     */
    static List<String> allWords(String text) {
        if (text == null) {
            return List.of();
        }
        String s = encodeIndexes(text);
        s = PRODUCTS.matcher(s).replaceAll(m -> " " + m.group().toLowerCase(Locale.ROOT) + " ");
        s = CAMEL.matcher(s).replaceAll(" ");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        List<String> out = new ArrayList<>();
        for (String w : s.split(" ")) {
            if (!w.isEmpty() && !w.startsWith(INDEX_MARK) && !Set.of("the", "aws", "amazon").contains(w)) {
                out.add(SYNONYMS.getOrDefault(w, w));
            }
        }
        return out;
    }

    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(List.of(), Set.of(), -1, Set.of(), false, List.of());
        }
        String s = text;
        int copy = -1;
        Matcher lit = AZ_LITERAL.matcher(s);
        if (lit.find()) {
            copy = lit.group(1).toLowerCase(Locale.ROOT).charAt(0) - 'a';
            s = lit.replaceAll(" ");
        }
        Matcher az = AZ_WORD.matcher(s);
        if (az.find()) {
            copy = ordinal(az.group(1));
            s = az.replaceAll(" ");
        }
        s = encodeIndexes(s);
        s = s.replaceAll("(?i)ec2|route ?53|elbv2|k8s|(?<![a-z])s3(?![0-9])", " ");
        s = PRODUCTS.matcher(s).replaceAll(m -> " " + m.group().toLowerCase(Locale.ROOT) + " ");
        s = CAMEL.matcher(s).replaceAll(" ");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        boolean plural = false;
        for (String w : s.split(" ")) {
            plural |= PLURAL_KIND.contains(w);
        }
        s = " " + s + " ";
        for (String p : KIND_PHRASES) {
            s = s.replace(" " + p + " ", " ").replace(" " + p + "s ", " ");
        }
        List<String> raw = new ArrayList<>();
        for (String w : s.trim().split(" ")) {
            if (!w.isEmpty()) {
                raw.add(w);
            }
        }
        List<String> tokens = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        Set<String> subnetRoles = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String w = SYNONYMS.getOrDefault(raw.get(i), raw.get(i));
            boolean last = i == raw.size() - 1;
            if (w.startsWith(INDEX_MARK) && w.length() > INDEX_MARK.length()) {
                copy = copy >= 0 ? copy : decodeIndex(w.substring(INDEX_MARK.length()));
                continue;
            }
            if (w.chars().allMatch(Character::isDigit)) {
                if (copy < 0 && w.length() <= 3) {
                    copy = Math.max(0, Integer.parseInt(w) - 1);
                }
                continue;
            }
            if (w.length() == 1) {
                if (last && w.charAt(0) >= 'a' && w.charAt(0) <= 'h' && copy < 0) {
                    copy = w.charAt(0) - 'a';
                }
                continue;
            }
            if (SUBNET_ROLES.contains(w)) {
                subnetRoles.add(w.equals("dmz") ? "public" : w.equals("public") ? "public" : "private");
            }
            if (ROLE_WORDS.contains(w)) {
                roles.add(w.startsWith("replica") || w.equals("read") || w.equals("reader") ? "replica"
                        : w.equals("secondary") || w.equals("slave") || w.equals("passive") ? "standby"
                        : w.equals("master") || w.equals("writer") || w.equals("active") ? "primary" : w);
                continue;
            }
            if (KIND_WORDS.contains(w) || STOP_WORDS.contains(w)) {
                continue;
            }
            tokens.add(w);
        }
        return new Parsed(List.copyOf(tokens), Set.copyOf(roles), copy, Set.copyOf(subnetRoles), plural,
                allWords(text));
    }

    private static final String INDEX_MARK = "xidxq";
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,4})]");

    /** {@code web[12]} keeps its 0-based index as a word of letters, so that splitting at digits leaves it whole. */
    private static String encodeIndexes(String s) {
        Matcher m = INDEX.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            StringBuilder code = new StringBuilder(" " + INDEX_MARK);
            for (char c : m.group(1).toCharArray()) {
                code.append((char) ('a' + (c - '0')));
            }
            m.appendReplacement(b, code.append(' ').toString());
        }
        m.appendTail(b);
        return b.toString();
    }

    private static int decodeIndex(String code) {
        int n = 0;
        for (char c : code.toCharArray()) {
            n = n * 10 + (c - 'a');
        }
        return n;
    }

    /** 1-based number or letter to a 0-based index: "1" and "a" are 0. */
    static int ordinal(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        if (t.chars().allMatch(Character::isDigit)) {
            return Math.max(0, Integer.parseInt(t) - 1);
        }
        return t.charAt(0) - 'a';
    }

    /**
     * How alike two word lists are, 0..1 (Dice's coefficient over words, two words being alike when equal,
     * one the start of the other with three letters or more, or one edit apart with five letters or more).
     */
    static double similarity(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<String> rest = new ArrayList<>(b);
        int hits = 0;
        for (String w : a) {
            for (int i = 0; i < rest.size(); i++) {
                if (alike(w, rest.get(i))) {
                    rest.remove(i);
                    hits++;
                    break;
                }
            }
        }
        return 2.0 * hits / (a.size() + b.size());
    }

    static boolean alike(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int min = Math.min(a.length(), b.length());
        if (min >= 3 && (a.startsWith(b) || b.startsWith(a))) {
            return true;
        }
        return min >= 5 && editDistanceAtMostOne(a, b);
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (b.length() > a.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
