package dev.migrationgate.check;

import static dev.migrationgate.check.Fixtures.codes;
import static dev.migrationgate.check.Fixtures.given;
import static dev.migrationgate.check.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationgate.expect.TemporalFamily;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import dev.migrationgate.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsCheckTest {

    private final TimestampsCheck check = new TimestampsCheck();

    private static Finding mismatch(TemporalFamily expected, String formatType, String typeName) {
        return only(given().expectTemporal("users", "created_at", expected)
                .column("users", "created_at", formatType, typeName).run(new TimestampsCheck()),
                FindingCode.TIMESTAMP_TZ_MISMATCH);
    }

    @Test
    void passesWhenEveryColumnHasItsFamilyWhateverThePrecision() {
        List<Finding> findings = given()
                .expectTemporal("users", "created_at", TemporalFamily.TIMESTAMP)
                .expectTemporal("users", "seen_at", TemporalFamily.TIMESTAMPTZ)
                .expectTemporal("users", "born_on", TemporalFamily.DATE)
                .expectTemporal("users", "wakes_at", TemporalFamily.TIME)
                .expectTemporal("users", "meets_at", TemporalFamily.TIMETZ)
                .column("users", "created_at", "timestamp(3) without time zone", "timestamp")
                .column("users", "seen_at", "timestamp with time zone", "timestamptz")
                .column("users", "born_on", "date", "date")
                .column("users", "wakes_at", "time without time zone", "time")
                .column("users", "meets_at", "time(6) with time zone", "timetz")
                .run(check);
        assertEquals(List.of(), findings);
    }

    @Test
    void reportsANaiveColumnForAnInstantWithAConversionAtUtc() {
        Finding finding = mismatch(TemporalFamily.TIMESTAMPTZ, "timestamp without time zone", "timestamp");
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals("users.created_at", finding.object());
        assertEquals("timestamp with time zone", finding.expected());
        assertEquals("timestamp without time zone", finding.actual());
        assertEquals("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"created_at\" TYPE timestamp with time zone"
                + " USING \"created_at\" AT TIME ZONE 'UTC';", finding.fix());
    }

    @Test
    void reportsAZonedColumnForALocalDateTimeWithTheConverseConversionKeepingPrecision() {
        Finding finding = mismatch(TemporalFamily.TIMESTAMP, "timestamp(3) with time zone", "timestamptz");
        assertEquals("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"created_at\" TYPE timestamp(3) without time zone"
                + " USING \"created_at\" AT TIME ZONE 'UTC';", finding.fix());
        assertTrue(finding.message().contains("shift with the session TimeZone"), finding.message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "TIMETZ;time(2) without time zone;time;TYPE time(2) with time zone USING CAST(\"created_at\"::text || '+00' AS time(2) with time zone)",
        "TIME;time with time zone;timetz;TYPE time without time zone USING (\"created_at\" AT TIME ZONE 'UTC')::time without time zone",
        "TIMESTAMP;date;date;TYPE timestamp without time zone USING \"created_at\"::timestamp without time zone",
        "TIMESTAMPTZ;date;date;TYPE timestamp with time zone USING \"created_at\"::timestamp without time zone AT TIME ZONE 'UTC'"
    })
    void convertsTimesAndWidensDatesWithoutLosingData(TemporalFamily expected, String formatType, String typeName,
            String conversion) {
        assertEquals("ALTER TABLE \"public\".\"users\" ALTER COLUMN \"created_at\" " + conversion + ";",
                mismatch(expected, formatType, typeName).fix());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DATE|timestamp without time zone|timestamp",
        "DATE|timestamp with time zone|timestamptz",
        "TIME|timestamp without time zone|timestamp",
        "TIMESTAMP|time without time zone|time",
        "TIMESTAMPTZ|time with time zone|timetz",
        "TIMETZ|date|date"
    })
    void describesLossyConversionsWithoutFix(TemporalFamily expected, String formatType, String typeName) {
        Finding finding = mismatch(expected, formatType, typeName);
        assertNull(finding.fix());
        assertTrue(finding.message().contains("migrate it deliberately"), finding.message());
    }

    @Test
    void reportsANonTemporalColumnWithoutFix() {
        Finding finding = mismatch(TemporalFamily.TIMESTAMP, "text", "text");
        assertEquals("text", finding.actual());
        assertNull(finding.fix());
    }

    @Test
    void reportsMissingColumnsAndTablesAsMismatchesWithoutFix() {
        List<Finding> findings = given()
                .expectTemporal("users", "created_at", TemporalFamily.TIMESTAMP)
                .expectTemporal("audit_logs", "timestamp", TemporalFamily.TIMESTAMP)
                .column("users", "id", "uuid", "uuid")
                .run(check);
        assertEquals(List.of("column missing", "table missing"), findings.stream().map(Finding::actual).toList());
        findings.forEach(f -> assertNull(f.fix()));
    }

    @Test
    void quotesTableAndColumnNames() {
        Finding finding = only(given().expectTemporal("audit logs", "time\"stamp", TemporalFamily.TIMESTAMPTZ)
                .column("audit logs", "time\"stamp", "timestamp without time zone", "timestamp").run(check),
                FindingCode.TIMESTAMP_TZ_MISMATCH);
        assertEquals("ALTER TABLE \"public\".\"audit logs\" ALTER COLUMN \"time\"\"stamp\" TYPE timestamp with time zone"
                + " USING \"time\"\"stamp\" AT TIME ZONE 'UTC';", finding.fix());
    }

    @Test
    void warnsAboutNaiveColumnsUnderANonUtcSessionTimeZone() {
        Finding finding = only(given().expectTemporal("users", "created_at", TemporalFamily.TIMESTAMP)
                .column("users", "created_at", "timestamp without time zone", "timestamp")
                .timeZones("Europe/Berlin", "UTC").run(check), FindingCode.TIMESTAMP_SESSION_TZ);
        assertEquals(Severity.WARNING, finding.severity());
        assertEquals("TimeZone", finding.object());
        assertEquals("session Europe/Berlin, default UTC", finding.actual());
        assertTrue(finding.message().contains("-Duser.timezone=UTC"), finding.message());
        assertNull(finding.fix(), "the JVM's zone is not SQL");
    }

    @Test
    void warnsAboutANonUtcDefaultTimeZoneWithADatabaseSettingFix() {
        Finding finding = only(given().expectTemporal("users", "wakes_at", TemporalFamily.TIME)
                .column("users", "wakes_at", "time without time zone", "time")
                .timeZones("UTC", "America/New_York").run(check), FindingCode.TIMESTAMP_SESSION_TZ);
        assertEquals("""
                DO $fix$
                BEGIN
                    EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC');
                END
                $fix$;""", finding.fix());
        assertFalse(finding.message().contains("-Duser.timezone"), finding.message());
    }

    @Test
    void doesNotWarnAboutTimeZonesWhenOnlyZonedColumnsAreMapped() {
        assertEquals(List.of(), given().expectTemporal("users", "seen_at", TemporalFamily.TIMESTAMPTZ)
                .column("users", "seen_at", "timestamp with time zone", "timestamptz")
                .timeZones("Europe/Berlin", "Europe/Berlin").run(check));
    }

    @Test
    void doesNotWarnWhenBothTimeZonesAreUtcSpellings() {
        assertEquals(List.of(), codes(given().expectTemporal("users", "created_at", TemporalFamily.TIMESTAMP)
                .column("users", "created_at", "timestamp without time zone", "timestamp")
                .timeZones("Etc/UTC", "GMT").run(check)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "utc", "Etc/UTC", "Etc/UCT", "UCT", "GMT", "Etc/GMT", "GMT0", "Etc/GMT+0",
        "Etc/GMT-0", "Greenwich", "Universal", "Zulu", "Z", "+00:00", "-00", "00:00", "0", "UTC0", "<+00>-00",
        " Etc/UTC "})
    void recognisesUtcSpellings(String zone) {
        assertTrue(TimestampsCheck.isUtc(zone), zone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/London", "Africa/Abidjan", "Europe/Berlin", "Etc/GMT+1", "+01:00", "-00:30",
        "<+00>-00<+01>,M3.5.0/1,M10.5.0", "EST5EDT", "localtime", ""})
    void rejectsZonesThatAreNotAlwaysUtc(String zone) {
        assertFalse(TimestampsCheck.isUtc(zone), zone);
    }
}
