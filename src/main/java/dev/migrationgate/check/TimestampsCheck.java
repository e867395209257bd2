package dev.migrationgate.check;

import dev.migrationgate.expect.Expectations;
import dev.migrationgate.expect.TemporalExpectation;
import dev.migrationgate.expect.TemporalFamily;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.SessionSettings;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Mapped temporal attributes against their columns, and naive columns against the TimeZone setting.
 * <p>
 * <b>Problem:</b> {@code LocalDateTime} on {@code timestamp with time zone}, or {@code Instant},
 * {@code OffsetDateTime}, {@code ZonedDateTime} on {@code timestamp without time zone}: Hibernate's
 * {@code validate} accepts both because the driver reports both as {@code TIMESTAMP}, and values shift
 * with the session TimeZone. Likewise for {@code date} and the two {@code time} types. Naive columns hold
 * UTC by convention, which SQL evaluating {@code now()} or casting to and from zoned types only honours
 * when the TimeZone is UTC.
 * <p>
 * <b>Expected:</b> each column of the family its Java type requires; when a naive ({@code timestamp} or
 * {@code time} without time zone) column is mapped, both the session and the default TimeZone are UTC.
 * <p>
 * <b>Repair:</b> {@code ALTER TABLE ... ALTER COLUMN ... TYPE ... USING ... AT TIME ZONE 'UTC'} in either
 * direction, keeping the column's precision and reading naive values as UTC; {@code date} widened to a
 * timestamp at midnight UTC. Conversions that drop or invent a part of the value (a timestamp to a date,
 * anything to or from a time of day) are described, not offered. For the TimeZone: the JVM started with
 * {@code -Duser.timezone=UTC} (pgjdbc sends the JVM's zone as the session TimeZone) and the database
 * default set to UTC.
 * <p>
 * A mapped column absent from the database (or its whole table) is a {@code TIMESTAMP_TZ_MISMATCH} with
 * the actual {@code column missing} or {@code table missing}: the Java type requires a column of a given
 * family and the database has none. Creating it is the migrations' job, so there is no fix.
 */
public final class TimestampsCheck implements Check {

    private static final Pattern PRECISION = Pattern.compile("\\((\\d+)\\)");
    private static final Pattern ZERO_OFFSET = Pattern.compile(
            "(?i)(?:utc|gmt|ut|z|<[^<>]*>)?[+-]?0{1,2}(?::?00){0,2}|z");
    private static final Map<String, String> ZONE_IDS = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

    @Override
    public List<Finding> check(Expectations expectations, CatalogSnapshot snapshot) {
        Columns columns = Columns.of(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (TemporalExpectation expectation : expectations.temporals()) {
            Optional<PgColumn> column = columns.find(expectation.table(), expectation.column());
            if (column.isEmpty()) {
                String absence = columns.absence(expectation.table());
                findings.add(mismatch(expectation, absence, (absence.startsWith("table") ? "table "
                        + expectation.table() : "column") + " does not exist: the migrations must create it as "
                        + expectation.family().typeName() + ".", null));
            } else {
                family(expectation, column.get()).ifPresent(findings::add);
            }
        }
        sessionTimeZone(expectations, snapshot.settings()).ifPresent(findings::add);
        return findings;
    }

    /**
     * Whether a PostgreSQL TimeZone setting means UTC: a zone whose rules are a fixed zero offset
     * ({@code UTC}, {@code Etc/UTC}, {@code GMT}, {@code Etc/GMT+0}, {@code Zulu}, ..., matched without
     * regard to case as PostgreSQL does), or a zero offset ({@code Z}, {@code +00:00}, {@code UTC0},
     * POSIX {@code <+00>-00}). Zones that merely observe UTC part of the year, or had another offset
     * once ({@code Europe/London}, {@code Africa/Abidjan}), are not UTC.
     */
    public static boolean isUtc(String timeZone) {
        if (timeZone == null) {
            return false;
        }
        String zone = timeZone.trim();
        if (ZERO_OFFSET.matcher(zone).matches()) {
            return true;
        }
        String id = ZONE_IDS.get(zone.toLowerCase(Locale.ROOT));
        if (id == null) {
            return false;
        }
        ZoneRules rules = ZoneId.of(id).getRules();
        return rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0;
    }

    private static Optional<Finding> family(TemporalExpectation expectation, PgColumn column) {
        TemporalFamily required = expectation.family();
        TemporalFamily actual = TemporalFamily.ofFormatType(column.formatType());
        if (actual == required) {
            return Optional.empty();
        }
        if (actual == null) {
            return Optional.of(mismatch(expectation, column.formatType(), "column is " + column.formatType()
                    + ", not a date/time type: convert it in a migration that parses the stored values explicitly.",
                    null));
        }
        Optional<String> conversion = conversion(actual, required, Sql.identifier(column.column()),
                precision(column.formatType()));
        String problem = "column is " + column.formatType() + " but the Java type needs " + required.typeName()
                + (actual.zoned() != required.zoned() ? ": Hibernate's validate accepts the crossing and values shift"
                        + " with the session TimeZone on every write and read." : ".");
        String repair = conversion.isPresent() ? " The fix converts the stored values, treating naive values as UTC."
                : " Converting " + actual.typeName() + " to " + required.typeName() + " drops or invents part of each"
                        + " value: migrate it deliberately (new column, backfill, switch).";
        return Optional.of(mismatch(expectation, column.formatType(), problem + repair, conversion.map(
                c -> "ALTER TABLE " + Sql.qualified(column.schema(), column.table()) + " ALTER COLUMN "
                        + Sql.identifier(column.column()) + " TYPE " + c + ";").orElse(null)));
    }

    /** {@code <type> USING <expression>} turning {@code from} into {@code to} without losing data, if any. */
    private static Optional<String> conversion(TemporalFamily from, TemporalFamily to, String column,
            String precision) {
        String type = withPrecision(to, precision);
        String using = switch (from + ">" + to) {
            case "TIMESTAMP>TIMESTAMPTZ", "TIMESTAMPTZ>TIMESTAMP" -> column + " AT TIME ZONE 'UTC'";
            case "DATE>TIMESTAMP" -> column + "::timestamp without time zone";
            case "DATE>TIMESTAMPTZ" -> column + "::timestamp without time zone AT TIME ZONE 'UTC'";
            case "TIME>TIMETZ" -> "CAST(" + column + "::text || '+00' AS " + type + ")";
            case "TIMETZ>TIME" -> "(" + column + " AT TIME ZONE 'UTC')::" + type;
            default -> null;
        };
        return Optional.ofNullable(using).map(u -> type + " USING " + u);
    }

    private static String withPrecision(TemporalFamily family, String precision) {
        return switch (family) {
            case DATE -> family.typeName();
            case TIMESTAMP, TIMESTAMPTZ -> "timestamp" + precision + family.typeName().substring("timestamp".length());
            case TIME, TIMETZ -> "time" + precision + family.typeName().substring("time".length());
        };
    }

    private static String precision(String formatType) {
        Matcher m = PRECISION.matcher(formatType);
        return m.find() ? "(" + m.group(1) + ")" : "";
    }

    private static Optional<Finding> sessionTimeZone(Expectations expectations, SessionSettings settings) {
        List<String> naive = expectations.temporals().stream()
                .filter(t -> t.family() == TemporalFamily.TIMESTAMP || t.family() == TemporalFamily.TIME)
                .map(TemporalExpectation::qualifiedColumn)
                .distinct()
                .toList();
        if (naive.isEmpty() || settings == null) {
            return Optional.empty();
        }
        boolean sessionUtc = settings.sessionTimeZone() == null || isUtc(settings.sessionTimeZone());
        boolean defaultUtc = settings.defaultTimeZone() == null || isUtc(settings.defaultTimeZone());
        if (sessionUtc && defaultUtc) {
            return Optional.empty();
        }
        List<String> advice = new ArrayList<>();
        if (!sessionUtc) {
            advice.add("this session runs in " + settings.sessionTimeZone() + " because pgjdbc sends the JVM's default"
                    + " zone: start the JVM with -Duser.timezone=UTC (or TZ=UTC)");
        }
        if (!defaultUtc) {
            advice.add("new sessions start in " + settings.defaultTimeZone() + ": set the database default to UTC (the"
                    + " fix; a role-level setting overrides it: ALTER ROLE ... RESET timezone)");
        }
        String shown = naive.size() <= 3 ? String.join(", ", naive)
                : String.join(", ", naive.subList(0, 3)) + " and " + (naive.size() - 3) + " more";
        return Optional.of(Finding.of(FindingCode.TIMESTAMP_SESSION_TZ, "TimeZone", "UTC",
                "session " + settings.sessionTimeZone() + ", default " + settings.defaultTimeZone(),
                "Naive columns (" + shown + ") hold UTC by convention, but SQL that makes or compares their values"
                        + " (now(), CURRENT_TIMESTAMP defaults, casts to and from timestamp with time zone) uses the"
                        + " TimeZone setting: " + String.join("; ", advice) + ".",
                defaultUtc ? null : "DO " + Sql.dollarQuoted("BEGIN\n"
                        + "    EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC');\n"
                        + "END") + ";"));
    }

    private static Finding mismatch(TemporalExpectation expectation, String actual, String problem, String fix) {
        return Finding.of(FindingCode.TIMESTAMP_TZ_MISMATCH, expectation.qualifiedColumn(),
                expectation.family().typeName(), actual,
                expectation.qualifiedColumn() + " (" + expectation.entity() + "." + expectation.attribute() + ", "
                        + expectation.javaType() + "): " + problem,
                fix);
    }
}
