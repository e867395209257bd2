package dev.migrationgate.inspect;

import java.util.List;

/**
 * Flyway's view of the migrations, read through its API ({@code info()} and
 * {@code validateWithResult()}), never through hand-written history SQL.
 *
 * @param migrations every migration Flyway knows, applied or local, in version order
 * @param validationErrors the errors {@code validateWithResult()} reported (pending ignored)
 */
public record MigrationHistory(List<Migration> migrations, List<ValidationError> validationErrors) {

    public MigrationHistory {
        migrations = List.copyOf(migrations);
        validationErrors = List.copyOf(validationErrors);
    }

    /** An empty history, for a database Flyway has never touched and a project without scripts. */
    public static MigrationHistory empty() {
        return new MigrationHistory(List.of(), List.of());
    }

    /**
     * One migration as {@code MigrationInfo} describes it.
     *
     * @param state Flyway's {@code MigrationState} name, e.g. {@code SUCCESS}, {@code PENDING},
     *     {@code FAILED}, {@code MISSING_SUCCESS}, {@code FUTURE_SUCCESS}, {@code OUTDATED}
     * @param script the script name, e.g. {@code V1__iam_schema.sql}
     */
    public record Migration(String version, String description, String script, String state,
            Integer checksum, boolean applied) {
    }

    /**
     * One error from {@code ValidateResult.invalidMigrations}.
     *
     * @param errorCode Flyway's {@code CoreErrorCode} name, e.g. {@code CHECKSUM_MISMATCH}
     */
    public record ValidationError(String version, String script, String errorCode, String message) {
    }
}
