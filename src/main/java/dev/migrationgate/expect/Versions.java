package dev.migrationgate.expect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders extension version strings component by component, numerically: {@code 1.10 > 1.9},
 * {@code 0.8 = 0.8.0}; within a component a suffix sorts before its absence ({@code 1.0beta1 < 1.0}).
 */
public final class Versions {

    private static final Pattern COMPONENT = Pattern.compile("(\\d*)(.*)");

    private Versions() {
    }

    /** Negative, zero or positive as {@code left} is older than, equal to or newer than {@code right}. */
    public static int compare(String left, String right) {
        String[] a = left.trim().split("\\.");
        String[] b = right.trim().split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int order = compareComponent(i < a.length ? a[i] : "0", i < b.length ? b[i] : "0");
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Whether {@code version} is {@code floor} or newer. */
    public static boolean atLeast(String version, String floor) {
        return compare(version, floor) >= 0;
    }

    private static int compareComponent(String left, String right) {
        Matcher a = COMPONENT.matcher(left);
        Matcher b = COMPONENT.matcher(right);
        a.matches();
        b.matches();
        int order = compareDigits(a.group(1), b.group(1));
        if (order != 0) {
            return order;
        }
        String suffixA = a.group(2);
        String suffixB = b.group(2);
        if (suffixA.isEmpty() || suffixB.isEmpty()) {
            return Boolean.compare(suffixA.isEmpty(), suffixB.isEmpty());
        }
        return suffixA.compareTo(suffixB);
    }

    private static int compareDigits(String left, String right) {
        String a = left.replaceFirst("^0+(?=\\d)", "");
        String b = right.replaceFirst("^0+(?=\\d)", "");
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(!a.isEmpty(), !b.isEmpty());
        }
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
