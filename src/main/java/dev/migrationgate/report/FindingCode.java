package dev.migrationgate.report;

/**
 * The stable codes of the public contract; each names one problem and never changes meaning. Within a
 * concern the codes are declared in the order their repairs apply (a type before its labels, the labels
 * before the columns converted to the type), which is the order a {@link GateReport} lists them in.
 */
public enum FindingCode {

    /** A required or optional extension is available on the server but not created in the database. */
    EXTENSION_MISSING(Concern.EXTENSIONS, Severity.ERROR),
    /** The server has no package for the extension, so it cannot be created at all. */
    EXTENSION_UNAVAILABLE(Concern.EXTENSIONS, Severity.ERROR),
    /** The gate's role may not create the extension (untrusted extension, no CREATE privilege). */
    EXTENSION_PERMISSION_DENIED(Concern.EXTENSIONS, Severity.ERROR),
    /** The installed version is below the configured floor ({@code name>=version}). */
    EXTENSION_VERSION_TOO_OLD(Concern.EXTENSIONS, Severity.ERROR),
    /** The server offers a newer default version than the installed one. */
    EXTENSION_UPDATE_AVAILABLE(Concern.EXTENSIONS, Severity.WARNING),
    /** The extension lives in a schema that is not on the session's search path. */
    EXTENSION_SCHEMA_NOT_ON_SEARCH_PATH(Concern.EXTENSIONS, Severity.WARNING),

    /** A mapped enum column needs a PostgreSQL enum type that does not exist. */
    ENUM_TYPE_MISSING(Concern.ENUMS, Severity.ERROR),
    /** The type holds the constant names where Java persists values (differs only by case). */
    ENUM_CASE_MISMATCH(Concern.ENUMS, Severity.ERROR),
    /** Java writes a value the PostgreSQL enum type lacks: inserts fail. */
    ENUM_LABEL_MISSING(Concern.ENUMS, Severity.ERROR),
    /** A mapped enum column has another type than the mapping requires. */
    ENUM_COLUMN_TYPE_MISMATCH(Concern.ENUMS, Severity.ERROR),
    /** The PostgreSQL enum type has a label Java cannot read back. */
    ENUM_LABEL_UNMAPPED(Concern.ENUMS, Severity.ERROR),
    /** Same labels, different sort order: ORDER BY and comparisons differ from Java's order. */
    ENUM_ORDER_DIFFERS(Concern.ENUMS, Severity.WARNING),

    /** A column's time-zone awareness differs from what its Java type requires. */
    TIMESTAMP_TZ_MISMATCH(Concern.TIMESTAMPS, Severity.ERROR),
    /** Naive timestamp columns are read with a session or server TimeZone other than UTC. */
    TIMESTAMP_SESSION_TZ(Concern.TIMESTAMPS, Severity.WARNING),

    /** An applied migration failed and is recorded as failed in Flyway's history. */
    MIGRATION_FAILED(Concern.MIGRATIONS, Severity.ERROR),
    /** A migration exists locally but has not been applied. */
    MIGRATION_PENDING(Concern.MIGRATIONS, Severity.ERROR),
    /** An applied migration's checksum differs from the local script. */
    MIGRATION_CHECKSUM_MISMATCH(Concern.MIGRATIONS, Severity.ERROR),
    /** A migration is recorded as applied but its script is missing locally. */
    MIGRATION_MISSING(Concern.MIGRATIONS, Severity.ERROR),
    /** The database has migrations newer than any local script (a newer release ran). */
    MIGRATION_FUTURE(Concern.MIGRATIONS, Severity.WARNING),
    /** A pending migration's real effect failed a blocking check inside its transaction; it was rolled back. */
    MIGRATION_REJECTED(Concern.MIGRATIONS, Severity.ERROR),
    /** A pending migration cannot be verified before commit (it does not run in a transaction). */
    MIGRATION_UNVERIFIED(Concern.MIGRATIONS, Severity.ERROR),
    /** A pending statement the static planner did not read (a DO block, a Java migration); the verifier judges it. */
    MIGRATION_NOT_ANALYSED(Concern.MIGRATIONS, Severity.WARNING),

    /** The database could not be reached. */
    DATABASE_UNREACHABLE(Concern.INFRASTRUCTURE, Severity.ERROR),
    /** A lock the gate needs was held by another session past {@code gate.lock-timeout}. */
    DATABASE_LOCK_TIMEOUT(Concern.INFRASTRUCTURE, Severity.ERROR),
    /** An unexpected error inside the gate; it fails closed and keeps the report. */
    GATE_INTERNAL_ERROR(Concern.INFRASTRUCTURE, Severity.ERROR);

    private final Concern concern;
    private final Severity defaultSeverity;

    FindingCode(Concern concern, Severity defaultSeverity) {
        this.concern = concern;
        this.defaultSeverity = defaultSeverity;
    }

    public Concern concern() {
        return concern;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
