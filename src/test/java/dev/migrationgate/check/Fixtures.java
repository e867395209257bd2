package dev.migrationgate.check;

import dev.migrationgate.expect.EnumExpectation;
import dev.migrationgate.expect.EnumStorage;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.expect.ExtensionRequirement;
import dev.migrationgate.expect.TemporalExpectation;
import dev.migrationgate.expect.TemporalFamily;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.inspect.PgExtension;
import dev.migrationgate.inspect.SessionSettings;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Small builders for expectations and snapshots, so each test states only what it is about. */
final class Fixtures {

    static final SessionSettings UTC = new SessionSettings("UTC", "UTC", List.of("pg_catalog", "public"), "app", false);

    private final List<EnumExpectation> enums = new ArrayList<>();
    private final List<TemporalExpectation> temporals = new ArrayList<>();
    private final List<ExtensionRequirement> extensions = new ArrayList<>();
    private final List<PgEnumType> enumTypes = new ArrayList<>();
    private final List<PgColumn> columns = new ArrayList<>();
    private final List<PgExtension> offered = new ArrayList<>();
    private SessionSettings settings = UTC;
    private MigrationHistory history = MigrationHistory.empty();

    static Fixtures given() {
        return new Fixtures();
    }

    Fixtures expectNamedEnum(String table, String column, String type, String... labels) {
        enums.add(new EnumExpectation("Entity", column, table, column, "JavaEnum", EnumStorage.NAMED_ENUM,
                Optional.of(type), List.of(labels)));
        return this;
    }

    Fixtures expectStringEnum(String table, String column, String... labels) {
        enums.add(new EnumExpectation("Entity", column, table, column, "JavaEnum", EnumStorage.STRING,
                Optional.empty(), List.of(labels)));
        return this;
    }

    Fixtures expectOrdinalEnum(String table, String column, String... labels) {
        enums.add(new EnumExpectation("Entity", column, table, column, "JavaEnum", EnumStorage.ORDINAL,
                Optional.empty(), List.of(labels)));
        return this;
    }

    Fixtures expectTemporal(String table, String column, TemporalFamily family) {
        temporals.add(new TemporalExpectation("Entity", column, table, column, "JavaTime", family));
        return this;
    }

    Fixtures require(String entry) {
        extensions.add(ExtensionRequirement.parse("gate.extensions.required", entry, true));
        return this;
    }

    Fixtures optional(String entry) {
        extensions.add(ExtensionRequirement.parse("gate.extensions.optional", entry, false));
        return this;
    }

    Fixtures enumType(String name, String... labels) {
        return enumTypeIn("public", name, labels);
    }

    Fixtures enumTypeIn(String schema, String name, String... labels) {
        enumTypes.add(new PgEnumType(schema, name, List.of(labels)));
        return this;
    }

    /** A column of an enum type in {@code public}. */
    Fixtures enumColumn(String table, String column, String type) {
        columns.add(new PgColumn("public", table, column, type, "public", type, true));
        return this;
    }

    /** A column of a built-in type in {@code public}, e.g. {@code ("character varying(5)", "varchar")}. */
    Fixtures column(String table, String column, String formatType, String typeName) {
        return column("public", table, column, formatType, typeName);
    }

    Fixtures column(String schema, String table, String column, String formatType, String typeName) {
        columns.add(new PgColumn(schema, table, column, formatType, "pg_catalog", typeName, false));
        return this;
    }

    /** An extension the server offers and the database may have created ({@code installed} null: not created). */
    Fixtures extension(String name, String defaultVersion, String installed, String schema) {
        offered.add(new PgExtension(name, Optional.ofNullable(defaultVersion), Optional.ofNullable(installed),
                Optional.ofNullable(schema), false, true));
        return this;
    }

    Fixtures extension(PgExtension extension) {
        offered.add(extension);
        return this;
    }

    Fixtures untrustedExtension(String name, String defaultVersion) {
        offered.add(new PgExtension(name, Optional.of(defaultVersion), Optional.empty(), Optional.empty(), true, false));
        return this;
    }

    Fixtures settings(SessionSettings value) {
        settings = value;
        return this;
    }

    Fixtures timeZones(String session, String defaultZone) {
        settings = new SessionSettings(session, defaultZone, UTC.searchPath(), UTC.currentUser(), UTC.superuser());
        return this;
    }

    Fixtures history(MigrationHistory value) {
        history = value;
        return this;
    }

    Expectations expectations() {
        Set<String> tables = new TreeSet<>();
        enums.forEach(e -> tables.add(e.table()));
        temporals.forEach(t -> tables.add(t.table()));
        return new Expectations(enums, temporals, extensions, tables);
    }

    CatalogSnapshot snapshot() {
        return new CatalogSnapshot(enumTypes, columns, offered, settings, history);
    }

    List<Finding> run(Check check) {
        return check.check(expectations(), snapshot());
    }

    /** The only finding of {@code code}, failing when there is none or several. */
    static Finding only(List<Finding> findings, FindingCode code) {
        List<Finding> matching = findings.stream().filter(f -> f.code() == code).toList();
        if (matching.size() != 1) {
            throw new AssertionError("Expected exactly one " + code + " in " + findings);
        }
        return matching.get(0);
    }

    static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }
}
