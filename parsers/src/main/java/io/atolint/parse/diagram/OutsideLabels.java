package io.atolint.parse.diagram;

import io.atolint.model.Kind;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What is outside AWS, from words: labels of plain shapes and detached texts ("Internet", "Office users",
 * "On-Premises Office"), and the file or stencil names of non-AWS icons (draw.io's
 * {@code img/lib/active_directory/internet_cloud.svg}, a browser or server clip-art, a mockup mail glyph).
 * Only for shapes that are not AWS icons: an AWS icon keeps its kind whatever its label says.
 */
final class OutsideLabels {
    // Words of other languages follow the English ones, outside \\b (a boundary needs a Latin letter or digit
    // beside it): Japanese, Chinese, Korean, then Spanish, Portuguese, French, German.
    private static final Pattern ON_PREM = Pattern.compile(
            ".*(\\b(on-?prem(ise|ises)?|data ?cent(er|re)s?|datacenter|corporate (network|office|dc)|branch office|"
                    + "office( lan| network)?|head ?office|customer (network|site|premises)|hospital( network)?|"
                    + "colo(cation)?|factory|plant|centro de dados|centro de datos|centre de données|sur site"
                    + "|rechenzentrum)\\b|オンプレミス|オンプレ|データセンター|社内ネットワーク|本社|支社|拠点|数据中心|机房|本地网络"
                    + "|온프레미스|데이터 ?센터).*");
    private static final Pattern USERS = Pattern.compile(
            "^(.*\\b)?(users?|end[- ]users?|customers?|visitors?|people|person|operators?|administrators?|admins?|"
                    + "developers?|engineers?|team|staff|employees?|actor|clients?|students?|patients?|usuarios?|"
                    + "utilisateurs?|benutzer|nutzer|kunden)\\b.{0,30}$"
                    + "|^.{0,20}(ユーザー?|利用者|顧客|お客様|管理者|開発者|運用者|用户|客户|管理员|사용자|고객|관리자).{0,20}$");
    private static final Pattern DEVICE = Pattern.compile(
            ".*\\b(laptop|desktop|pc|computer|workstation|mobile|phone|smartphone|tablet|browser|firefox|chrome|"
                    + "safari|edge browser|terminal|device|iot device)s?\\b.*");
    // "Web" alone is the web; "Web server", "Web tier", "Web app" are not the internet
    private static final Pattern INTERNET = Pattern.compile("^(the )?(public )?(internet|www|world wide web)\\b.{0,20}$"
            + "|^(the )?(public )?web$"
            + "|.*\\binternet[_ -]?(cloud|globe)\\b.*|^.{0,10}(インターネット|互联网|互聯網|인터넷).{0,20}$");
    private static final Pattern SERVER = Pattern.compile(".*\\b(servers?|router|switch|firewall|rack|mainframe|"
            + "building|warehouse)\\b.*");
    private static final Pattern EXTERNAL = Pattern.compile(
            "^(github|gitlab|bitbucket|slack|jira|e-?mail|mail|smtp|sendgrid|stripe|paypal|twilio|okta|auth0|"
                    + "google|azure|saas|third[- ]party|external( system| service| api)?|partner|vendor)\\b.{0,30}$");

    private OutsideLabels() {
    }

    static boolean onPremises(String lower) {
        return ON_PREM.matcher(lower).matches();
    }

    /** The outside kind a label names, if it names one. */
    static Optional<Kind> ofLabel(String label) {
        String l = Labels.oneLine(label).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        if (l.isEmpty() || l.length() > 60) {
            return Optional.empty();
        }
        if (INTERNET.matcher(l).matches()) {
            return Optional.of(Kind.EXTERNAL_SYSTEM);
        }
        if (ON_PREM.matcher(l).matches()) {
            return Optional.of(Kind.ON_PREMISES);
        }
        if (USERS.matcher(l).matches()) {
            return Optional.of(Kind.USERS);
        }
        if (DEVICE.matcher(l).matches()) {
            return Optional.of(Kind.CLIENT_DEVICE);
        }
        if (EXTERNAL.matcher(l).matches()) {
            return Optional.of(Kind.EXTERNAL_SYSTEM);
        }
        return Optional.empty();
    }

    /** The outside kind a non-AWS icon file or stencil name shows ("internet_cloud.svg", "Server_Desktop.svg"). */
    static Optional<Kind> ofIconName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("aws") || n.contains("amazon") || n.startsWith("data:")) {
            return Optional.empty();
        }
        int slash = n.lastIndexOf('/');
        String file = n.substring(slash + 1).replaceAll("\\.(svg|png|jpe?g|gif)$", "")
                .replaceAll("^mxgraph\\.[a-z0-9]+\\.", "").replaceAll("[-_.]+", " ").replaceAll("([a-z])([0-9])", "$1 $2")
                .trim();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (INTERNET.matcher(file).matches() || file.matches(".*\\b(internet|globe|world)\\b.*")) {
            return Optional.of(Kind.EXTERNAL_SYSTEM);
        }
        if (ON_PREM.matcher(file).matches()) {
            return Optional.of(Kind.ON_PREMISES);
        }
        if (file.matches(".*\\b(user|users|person|people|actor|customer|admin)\\b.*")) {
            return Optional.of(Kind.USERS);
        }
        if (DEVICE.matcher(file).matches()) {
            return Optional.of(Kind.CLIENT_DEVICE);
        }
        if (SERVER.matcher(file).matches()) {
            return Optional.of(Kind.ON_PREMISES);
        }
        if (file.matches(".*\\b(mail|email|envelope|github|gitlab|slack)\\b.*")) {
            return Optional.of(Kind.EXTERNAL_SYSTEM);
        }
        return Optional.empty();
    }
}
