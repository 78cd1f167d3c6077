package dev.slugline.posts;

import java.util.ArrayList;
import java.util.List;

/** A line diff by longest common subsequence: lines prefixed with ' ' (kept), '-' (removed) or '+' (added). */
final class LineDiff {

    private static final int MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    static List<String> diff(String before, String after) {
        String[] a = before == null ? new String[0] : before.split("\n", -1);
        String[] b = after == null ? new String[0] : after.split("\n", -1);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            out.add(" " + a[i]);
        }
        int n = a.length - prefix - suffix;
        int m = b.length - prefix - suffix;
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add("-" + a[prefix + i]);
            }
            for (int j = 0; j < m; j++) {
                out.add("+" + b[prefix + j]);
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a[prefix + i].equals(b[prefix + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[prefix + i].equals(b[prefix + j])) {
                    out.add(" " + a[prefix + i++]);
                    j++;
                } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    out.add("-" + a[prefix + i++]);
                } else {
                    out.add("+" + b[prefix + j++]);
                }
            }
        }
        for (int i = a.length - suffix; i < a.length; i++) {
            out.add(" " + a[i]);
        }
        return out;
    }
}
