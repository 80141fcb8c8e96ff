package io.atolint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a line of the data tables ({@code kinds.tsv}, {@code properties.tsv}): separated by one
 * or more tabs. Every scan reads thousands of such lines at start-up, where {@code split("\t+")} would
 * compile a regular expression per line.
 */
final class TabColumns {
    private TabColumns() {
    }

    /** The columns of a stripped line, as {@code line.split("\t+")} gives them. */
    static String[] of(String line) {
        List<String> cols = new ArrayList<>(6);
        int start = 0;
        int n = line.length();
        while (start <= n) {
            int tab = line.indexOf('\t', start);
            int end = tab < 0 ? n : tab;
            cols.add(line.substring(start, end));
            if (tab < 0) {
                break;
            }
            start = tab + 1;
            while (start < n && line.charAt(start) == '\t') {
                start++;
            }
        }
        return cols.toArray(String[]::new);
    }
}
