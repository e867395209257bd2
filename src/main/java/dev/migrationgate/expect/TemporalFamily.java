package dev.migrationgate.expect;

/** The PostgreSQL column type a temporal Java type requires, as {@code format_type} spells it. */
public enum TemporalFamily {
    TIMESTAMP("timestamp without time zone", false),
    TIMESTAMPTZ("timestamp with time zone", true),
    DATE("date", false),
    TIME("time without time zone", false),
    TIMETZ("time with time zone", true);

    private final String typeName;
    private final boolean zoned;

    TemporalFamily(String typeName, boolean zoned) {
        this.typeName = typeName;
        this.zoned = zoned;
    }

    /** The type name without precision, e.g. {@code timestamp with time zone}. */
    public String typeName() {
        return typeName;
    }

    public boolean zoned() {
        return zoned;
    }

    /**
     * The family of a {@code format_type} result such as {@code timestamp(3) without time zone}, or
     * {@code null} when the type is not temporal.
     */
    public static TemporalFamily ofFormatType(String formatType) {
        String bare = withoutPrecision(formatType);
        for (TemporalFamily family : values()) {
            if (family.typeName.equals(bare)) {
                return family;
            }
        }
        return null;
    }

    /** {@code formatType} without its {@code (digits)} parts: {@code timestamp(3) with time zone} → {@code timestamp with time zone}. */
    private static String withoutPrecision(String formatType) {
        int open = formatType.indexOf('(');
        if (open < 0) {
            return formatType;
        }
        StringBuilder bare = new StringBuilder(formatType.length());
        int from = 0;
        while (open >= 0) {
            int close = open + 1;
            while (close < formatType.length() && formatType.charAt(close) >= '0' && formatType.charAt(close) <= '9') {
                close++;
            }
            if (close > open + 1 && close < formatType.length() && formatType.charAt(close) == ')') {
                bare.append(formatType, from, open);
                from = close + 1;
                open = formatType.indexOf('(', from);
            } else {
                open = formatType.indexOf('(', open + 1);
            }
        }
        return bare.append(formatType, from, formatType.length()).toString();
    }
}
