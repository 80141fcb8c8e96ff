package io.atolint.parse.diagram;

import io.atolint.model.Kind;
import io.atolint.model.KindTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a drawn shape is, from the one kind table ({@code kinds.tsv}): its draw.io shape name (AWS
 * service/resource/group icons of every palette generation), the file name of a pasted or linked icon
 * image ({@code Arch_Amazon-EC2_48.svg}, {@code resources/aws/compute/ec2.png}), or, for a plain
 * shape, its label ({@code label:ec2} rows: a service drawn without its icon).
 */
public final class ShapeRecognizer {
    private ShapeRecognizer() {
    }

    /** How a shape shows what it is. */
    public enum DrawnAs {
        /** An AWS (or people/device) icon of a draw.io palette. */
        ICON,
        /** An AWS group box (VPC, subnet, AZ, ...). */
        GROUP,
        /** An icon image recognised by its file name. */
        IMAGE,
        /** A plain shape recognised only by its label. */
        LABEL,
        /** Free text. */
        TEXT,
        /** Nothing recognisable. */
        UNRECOGNISED
    }

    /**
     * @param iconSet the palette generation: {@code aws4}, {@code aws3} (2017), {@code aws2},
     *                {@code aws} (the oldest stencils), {@code aws3d}, or {@code other}
     */
    public record Recognition(String rawType, Kind kind, String family, DrawnAs drawnAs, String iconSet) {
        public boolean isKnown() {
            return kind != Kind.UNKNOWN;
        }
    }

    public static Recognition recognise(DrawnPage.Shape s) {
        String name = s.shapeName();
        Style st = s.style();
        Kind byName = KindTable.kindOf(name);
        if (byName != Kind.UNKNOWN && !name.isEmpty()) {
            boolean group = isGroupShape(st, name);
            return new Recognition(name, byName, KindTable.family(name).orElse(""), group ? DrawnAs.GROUP : DrawnAs.ICON,
                    iconSet(name));
        }
        if (st.isImage() || looksLikeImageFile(name)) {
            Optional<Recognition> img = fromImageName(EmbeddedIcon.imageRef(st).orElse(name));
            if (img.isPresent()) {
                return img.get();
            }
        }
        // mockup text boxes ("mxgraph.mockup.text.textBox") are text a person typed onto the picture
        if ((st.isText() && !st.isGroupBase()) || name.startsWith("mxgraph.mockup.text.")) {
            return new Recognition(name.isEmpty() ? "text" : name, Kind.UNKNOWN, "", DrawnAs.TEXT, "other");
        }
        Optional<Recognition> byLabel = fromLabel(s.label());
        if (byLabel.isPresent()) {
            return byLabel.get();
        }
        return new Recognition(name.isEmpty() ? "rectangle" : name, Kind.UNKNOWN, "", DrawnAs.UNRECOGNISED, "other");
    }

    static boolean isGroupShape(Style st, String name) {
        String shape = st.shape();
        return shape.equals("mxgraph.aws4.group") || shape.equals("mxgraph.aws4.groupCenter")
                || name.contains(".groups.") || st.get("grIcon").isPresent();
    }

    static String iconSet(String name) {
        if (name.startsWith("mxgraph.aws4.")) {
            return "aws4";
        }
        if (name.startsWith("mxgraph.aws3d.")) {
            return "aws3d";
        }
        if (name.startsWith("mxgraph.aws3.")) {
            return "aws3";
        }
        if (name.startsWith("mxgraph.aws2.")) {
            return "aws2";
        }
        if (name.startsWith("mxgraph.aws.")) {
            return "aws";
        }
        return "other";
    }

    private static boolean looksLikeImageFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".svg") || n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".gif");
    }

    private static String[] words(String s) {
        return s.replaceAll("[-_.]+", " ").toLowerCase(Locale.ROOT).trim().split(" ");
    }

    /**
     * What a resource's name adds after the service's ("SQS queue", "Aurora PostgreSQL", "RDS (standby)",
     * "Aurora read replica"): the label still names that service.
     */
    private static final Pattern QUALIFIER = Pattern.compile(
            "\\s+(queue|topic|function|table|service|instances?|(read )?replica|standby|primary|writer|reader"
                    + "|master|mysql|postgres(ql)?|mariadb|oracle|sql server|redis|memcached|bucket|nodes?)$");

    /**
     * What a label names, if it names a service, a group or something outside AWS exactly (qualifiers aside), or a
     * name or role with its service stated beside it ({@link #namedService}).
     */
    public static Optional<Recognition> fromLabel(String label) {
        Optional<Recognition> exact = exactly(label);
        return exact.isPresent() ? exact : namedService(label);
    }

    /** Services a label may state beside a name or a role: what runs the workload, stores or carries its data. */
    private static final java.util.Set<Kind> STATED_SERVICES = java.util.EnumSet.of(Kind.EC2_INSTANCE,
            Kind.AUTOSCALING_GROUP, Kind.ECS_SERVICE, Kind.ECS_CLUSTER, Kind.EKS_CLUSTER, Kind.LAMBDA_FUNCTION,
            Kind.BEANSTALK_ENVIRONMENT, Kind.APP_RUNNER_SERVICE, Kind.BATCH_COMPUTE_ENVIRONMENT, Kind.EMR_CLUSTER,
            Kind.RDS_INSTANCE, Kind.AURORA_CLUSTER, Kind.DYNAMODB_TABLE, Kind.ELASTICACHE_CLUSTER,
            Kind.ELASTICACHE_REPLICATION_GROUP, Kind.MEMORYDB_CLUSTER, Kind.EFS_FILE_SYSTEM, Kind.FSX_FILE_SYSTEM,
            Kind.OPENSEARCH_DOMAIN, Kind.REDSHIFT_CLUSTER, Kind.DOCDB_CLUSTER, Kind.DOCDB_INSTANCE, Kind.NEPTUNE_CLUSTER,
            Kind.MSK_CLUSTER, Kind.S3_BUCKET, Kind.SQS_QUEUE, Kind.SNS_TOPIC, Kind.KINESIS_STREAM, Kind.LOAD_BALANCER,
            Kind.API_GATEWAY, Kind.CLOUDFRONT_DISTRIBUTION, Kind.NAT_GATEWAY);
    /** "Orders (DynamoDB)", "Web server [EC2]". */
    private static final Pattern IN_BRACKETS = Pattern.compile("^(.{1,40}?)\\s*[(\\[]\\s*([^()\\[\\]]{2,30}?)\\s*[)\\]]$");
    /** "App server - EC2", "Sessions: ElastiCache", "EC2 | web". */
    private static final Pattern SEPARATED = Pattern.compile("^(.{1,40}?)(?:\\s+[-\u2013\u2014|]|\\s*:)\\s+(.{2,40})$");
    /** The words of a role that a service named before or after them runs ("EC2 web server", "Web Server EC2"). */
    private static final Pattern ROLE_WORDS = Pattern.compile(
            "(?:(?:web|app|application|api|front ?end|back ?end|server|servers|worker|workers|host|hosts|tier|layer"
                    + "|batch|bastion|admin|database|db|cache|microservices?)\\s*)+");

    /**
     * A label that names a thing and states the service it runs on: "Web server (EC2)", "Orders DB [RDS]",
     * "App server - EC2", "EC2 web server", "Web Server EC2". Only services that run or hold the workload count
     * (never a group, a network, people or the internet: "Web subnet (AZ a)" names no service).
     */
    private static Optional<Recognition> namedService(String label) {
        String l = Labels.oneLine(label).toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ").trim();
        if (l.isEmpty() || l.length() > 80) {
            return Optional.empty();
        }
        java.util.List<String> parts = new ArrayList<>();
        java.util.regex.Matcher m = IN_BRACKETS.matcher(l);
        if (m.matches()) {
            parts.add(m.group(2));
        }
        m = SEPARATED.matcher(l);
        if (m.matches()) {
            parts.add(m.group(2));
            parts.add(m.group(1));
        }
        String[] w = l.split(" ");
        for (int n = 1; n <= 2 && n < w.length; n++) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(w, 0, n));
            String rest = String.join(" ", java.util.Arrays.copyOfRange(w, n, w.length));
            if (ROLE_WORDS.matcher(rest).matches()) {
                parts.add(head);
            }
            String tail = String.join(" ", java.util.Arrays.copyOfRange(w, w.length - n, w.length));
            String before = String.join(" ", java.util.Arrays.copyOfRange(w, 0, w.length - n));
            if (ROLE_WORDS.matcher(before).matches()) {
                parts.add(tail);
            }
        }
        for (String part : parts) {
            Optional<Recognition> r = exactly(part).filter(x -> STATED_SERVICES.contains(x.kind()));
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static Optional<Recognition> exactly(String label) {
        String l = label;
        for (int stripped = 0; stripped <= 2; stripped++) {
            List<String> candidates = labelCandidates(l);
            for (String candidate : candidates) {
                String key = "label:" + candidate;
                Kind k = KindTable.kindOf(key);
                // "Users table", "Customers queue": a qualifier names an AWS resource, never people or the internet
                if (k != Kind.UNKNOWN && !(stripped > 0 && k.isOutsideAws())) {
                    return Optional.of(new Recognition(key, k, KindTable.family(key).orElse(""), DrawnAs.LABEL, "other"));
                }
            }
            if (candidates.isEmpty()) {
                break;
            }
            String plain = candidates.get(0); // the label as labelCandidates normalises it
            java.util.regex.Matcher m = QUALIFIER.matcher(plain);
            if (!m.find() || m.start() == 0) {
                break;
            }
            l = plain.substring(0, m.start());
        }
        return Optional.empty();
    }

    static List<String> labelCandidates(String label) {
        return labelCandidates(label, true);
    }

    /** @param numbered whether a trailing number may be a copy's ("Web server 2"), not the name's ("Cloud9") */
    private static List<String> labelCandidates(String label, boolean numbered) {
        List<String> out = new ArrayList<>();
        String l = Labels.oneLine(label).toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ")
                .replaceAll("[\\[\\](){}:]", " ").replaceAll("\\s+", " ").trim();
        if (l.isEmpty() || l.length() > 60) {
            return out;
        }
        out.add(l);
        String noNumber = numbered ? l.replaceAll("\\s*#?\\d+$", "").trim() : l;
        if (!noNumber.equals(l) && !noNumber.isEmpty()) {
            out.add(noNumber);
        }
        for (String prefix : new String[]{"amazon ", "aws "}) {
            if (noNumber.startsWith(prefix)) {
                out.add(noNumber.substring(prefix.length()));
            } else {
                out.add(prefix + noNumber);
            }
        }
        return out;
    }

    /**
     * Icon files by name: the AWS Architecture Icons ({@code Arch_Amazon-EC2_48.svg},
     * {@code Res_Amazon-VPC_NAT-Gateway_48.svg}, or one of them pasted as a data URI: {@link EmbeddedIcon}),
     * draw.io's {@code img/lib/aws/...} and the diagrams (diagrams-as-code) {@code resources/aws/<category>/<name>.png} tree.
     */
    public static Optional<Recognition> fromImageName(String ref) {
        if (ref != null && ref.startsWith("data:")) {
            return EmbeddedIcon.fileName(ref).flatMap(ShapeRecognizer::fromImageName);
        }
        if (ref == null) {
            return Optional.empty();
        }
        String path = ref.replace('\\', '/');
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String lowerPath = path.toLowerCase(Locale.ROOT);
        String raw = "image:" + file;
        int tree = lowerPath.lastIndexOf("resources/");
        if (tree >= 0) {
            // the diagrams library's own icon tree: resources/<provider>/<category>/<name>.png
            String key = "diagrams:" + lowerPath.substring(tree + "resources/".length(), lowerPath.length() - (file.length() - stem.length()));
            Kind k = KindTable.kindOf(key);
            if (k != Kind.UNKNOWN) {
                return Optional.of(new Recognition(raw, k, KindTable.family(key).orElse(""), DrawnAs.IMAGE, "image"));
            }
        }
        if (lowerPath.contains("/onprem/")) {
            return Optional.of(new Recognition(raw, Kind.ON_PREMISES, "On-premises", DrawnAs.IMAGE, "image"));
        }
        String s = stem.replaceAll("^(Arch|Res|Arch-Category|Arch-Group)_", "").replaceAll("_(16|24|32|48|64)(_(Light|Dark))?$", "")
                .replaceAll("[-_](Alternate|alt\\d*)$", ""); // the same resource drawn another way
        boolean resourceIcon = stem.startsWith("Res_");
        String words = s.replaceAll("[-_.]+", " ").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).trim();
        // Most specific first: the whole name, then (AWS's Res_<Service>_<Resource>) the resource, then the
        // service; single words last. A match to a generic service is kept only if nothing names the service.
        List<String> candidates = new ArrayList<>();
        String unsplit = s.replaceAll("[-_.]+", " ").toLowerCase(Locale.ROOT).trim(); // OpenSearch, not "open search"
        candidates.add(unsplit);
        if (!words.equals(unsplit)) {
            candidates.add(words);
        }
        String[] parts = s.split("_");
        int servicePart = -1;
        if (parts.length > 1) {
            candidates.add(parts[parts.length - 1].replaceAll("[-.]+", " ").toLowerCase(Locale.ROOT).trim());
            servicePart = candidates.size();
            candidates.add(parts[0].replaceAll("[-.]+", " ").toLowerCase(Locale.ROOT).trim());
        }
        String[] tokens = words(s);
        // a name's last words after the service's ("Route-53-Hosted-Zone": "hosted zone")
        for (int from = 1; from + 2 <= tokens.length; from++) {
            candidates.add(String.join(" ", Arrays.copyOfRange(tokens, from, tokens.length)));
        }
        // and the service, without what a resource's name adds ("Aurora-MySQL-Instance": "amazon aurora")
        for (String rest = unsplit; ; ) {
            java.util.regex.Matcher m = QUALIFIER.matcher(rest);
            if (!m.find() || m.start() == 0) {
                break;
            }
            rest = rest.substring(0, m.start());
            candidates.add(rest);
        }
        int wholeNames = candidates.size();
        if (tokens.length > 1) {
            candidates.add(tokens[tokens.length - 1]);
            candidates.add(tokens[0]);
        }
        Recognition generic = null;
        for (int i = 0; i < candidates.size(); i++) {
            String c = candidates.get(i);
            boolean oneWord = i >= wholeNames;
            if (oneWord && generic != null) {
                break; // a service the whole name gives outweighs what one of its words names ("instance")
            }
            boolean serviceOfAResource = resourceIcon && i == servicePart;
            for (String candidate : withShortNames(c)) {
                for (String name : labelCandidates(candidate, false)) {
                    for (String key : new String[]{"label:" + name, "mxgraph.aws4." + name.replace(' ', '_'), name.replace(' ', '_')}) {
                        Kind k = KindTable.kindOf(key);
                        if (k == Kind.UNKNOWN) {
                            continue;
                        }
                        if ((oneWord || serviceOfAResource) && Containment.GROUP_KINDS.contains(k)) {
                            // one word of a service's name ("cloud" of Cloud Map) is no AWS Cloud or VPC box, nor is
                            // a resource of the VPC service (Res_Amazon-VPC_Reachability-Analyzer) a VPC
                            continue;
                        }
                        Recognition r = new Recognition(raw, k, KindTable.family(key).orElse(""), DrawnAs.IMAGE, "image");
                        if (k != Kind.GENERIC_AWS_SERVICE) {
                            return Optional.of(r);
                        }
                        if (generic == null) {
                            generic = r;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(generic);
    }

    /** AWS's long service names as the shape table spells them ("simple storage service" is s3). */
    private static final String[][] SHORT_NAMES = {
            {"simple storage service", "s3"}, {"simple queue service", "sqs"}, {"simple notification service", "sns"},
            {"elastic container service", "ecs"}, {"elastic kubernetes service", "eks"},
            {"elastic container registry", "ecr"}, {"virtual private cloud", "vpc"}, {"elastic compute cloud", "ec2"},
            {"relational database service", "rds"}, {"managed streaming for apache kafka", "managed streaming for kafka"},
            {"opensearch service", "elasticsearch service"}, {"ec2 auto scaling", "auto scaling"},
            {"peering connection", "peering"}, {"key management services", "kms"}, {"key management service", "kms"},
            {"cloud trail", "cloudtrail"}, {"kinesis firehose", "kinesis data firehose"},
            {"elastic container kubernetes", "eks"}, {"aws vpn", "site to site vpn"}};

    private static List<String> withShortNames(String c) {
        List<String> out = new ArrayList<>();
        out.add(c);
        String shortened = c;
        for (String[] n : SHORT_NAMES) {
            shortened = shortened.replace(n[0], n[1]);
        }
        if (!shortened.equals(c)) {
            out.add(shortened);
        }
        return out;
    }
}
