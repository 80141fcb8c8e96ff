package io.atolint.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a drawn resource runs scaled down by design: in a box (a VPC, an account, a region, a named group) that
 * names a non-production environment ("Staging VPC", "Dev account") or a recovery site ("us-west-2 (DR)", "Pilot
 * light"). The checklist's availability items ask for two AZs and no single point of failure of the production
 * solution; a staging copy in one AZ, or a pilot-light instance waiting in the recovery Region, is no such gap.
 * The diagram reader records the fact ({@link #META}); the rules read it here.
 */
public final class ScaledDownEnvironment {
    /** The resource meta key the diagram reader writes: what the environment is and which box names it. */
    public static final String META = "environment";

    // Latin words bounded by no other Latin letter or digit (Java's \\b sees a CJK letter as part of the word:
    // "DRサイト", "Dev環境"); Japanese, Chinese and Korean words as they stand, as RoleWords reads them
    private static final Pattern PRODUCTION = Pattern.compile("(?iu)" + latin("prod|production|producci[oó]n|"
            + "produ[cç][aã]o|produktion") + "|本番|生产|生產|운영|프로덕션");
    /** Words that name a non-production environment wherever they stand in a VPC's, account's or Region's name. */
    private static final Pattern NON_PRODUCTION = Pattern.compile("(?iu)" + latin("staging|dev|development|test|"
            + "testing|qa|uat|sandbox|non-?prod|non-?production|desarrollo|pruebas|desenvolvimento|homologa[cç][aã]o|"
            + "d[eé]veloppement|recette|entwicklung") + "|開発|検証|ステージング|テスト|开发|测试|预发布|개발|테스트|스테이징|검증");
    /** In a plain box the word must be said of an environment ("Test environment", not "Test runners"). */
    private static final Pattern ENVIRONMENT_WORD = Pattern.compile("(?iu)" + latin("env|environment|account|vpc|"
            + "stack|entorno|ambiente|environnement|umgebung|cuenta|conta|compte|konto")
            + "|環境|环境|환경|アカウント|账号|账户|계정");
    /** A plain box titled by the word alone. */
    private static final Pattern ALONE = Pattern.compile("(?i)^\\s*(staging|sandbox|non-?prod(uction)?)\\s*$");
    /** "DR" in capitals only (a lower-case "dr" is a name); the rest in any case. */
    private static final Pattern RECOVERY = Pattern.compile(latin("DR") + "|(?iu:" + latin("disaster[- ]recovery|"
            + "pilot[- ]light|warm[- ]standby|recovery (region|site|account|vpc)|recuperaci[oó]n ante desastres|"
            + "recupera[cç][aã]o de desastres") + ")|災害対策|災害復旧|灾备|容灾|灾难恢复|재해\\s?복구");

    private static String latin(String alternatives) {
        return "(?<![A-Za-z0-9])(?:" + alternatives + ")(?![A-Za-z0-9])";
    }

    private ScaledDownEnvironment() {
    }

    /**
     * What a box's label says it is, for a box of {@code kind}: "a non-production environment", "a recovery
     * site", or empty. A label that also names production ("prod and staging") says neither.
     */
    public static Optional<String> named(String label, Kind kind) {
        // an AZ or a subnet is where the production copies run, whatever its name says
        if (label == null || label.isBlank() || PRODUCTION.matcher(label).find() || kind == Kind.AVAILABILITY_ZONE
                || kind == Kind.SUBNET || kind == Kind.SECURITY_GROUP) {
            return Optional.empty();
        }
        if (RECOVERY.matcher(label).find()) {
            return Optional.of("a recovery site");
        }
        boolean environmentBox = kind == Kind.VPC || kind == Kind.ACCOUNT || kind == Kind.REGION;
        if (NON_PRODUCTION.matcher(label).find()
                && (environmentBox || ENVIRONMENT_WORD.matcher(label).find() || ALONE.matcher(label).matches())) {
            return Optional.of("a non-production environment");
        }
        return Optional.empty();
    }

    /**
     * Whether a resource's own label names it the recovery copy ("App server (pilot light)", "DR database"); a
     * label naming a non-production use ("Test server") is left alone: it may be a production tool.
     */
    public static boolean recoveryCopy(String label) {
        return label != null && !PRODUCTION.matcher(label).find() && RECOVERY.matcher(label).find();
    }

    /** Why a resource runs scaled down by design, as the reader recorded it, or empty. */
    public static Optional<String> of(Resource r) {
        return r == null ? Optional.empty() : r.meta(META);
    }
}
