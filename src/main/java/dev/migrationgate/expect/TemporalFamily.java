package dev.migrationgate.expect;

import java.util.regex.Pattern;

/** The PostgreSQL column type a temporal Java type requires, as {@code format_type} spells it. */
public enum TemporalFamily {
    TIMESTAMP("timestamp without time zone", false),
    TIMESTAMPTZ("timestamp with time zone", true),
    DATE("date", false),
    TIME("time without time zone", false),
    TIMETZ("time with time zone", true);

    private static final Pattern PRECISION = Pattern.compile("\\(\\d+\\)");

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
        String bare = PRECISION.matcher(formatType).replaceAll("");
        for (TemporalFamily family : values()) {
            if (family.typeName.equals(bare)) {
                return family;
            }
        }
        return null;
    }
}
