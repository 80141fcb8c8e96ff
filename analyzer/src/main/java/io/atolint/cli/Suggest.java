package io.atolint.cli;

import java.util.List;

/** "Did you mean": the known word nearest to a mistyped one (edit distance, at most a third of its length). */
final class Suggest {
    private Suggest() {
    }

    /** {@code " (did you mean 'scan'?)"}, or empty when nothing known is near. */
    static String didYouMean(String typed, List<String> known) {
        return didYouMean(typed, known, "");
    }

    /** The same, the suggestion written with {@code prefix} ({@code --} for an option). */
    static String didYouMean(String typed, List<String> known, String prefix) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        if (best == null || bestDistance > Math.max(1, Math.max(typed.length(), best.length()) / 3)) {
            return "";
        }
        return " (did you mean '" + prefix + best + "'?)";
    }

    /** Levenshtein distance, with a transposition of neighbours counting one (Damerau, optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
