package dev.migrationgate.inspect;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;

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
     * The scripts of the repeatable migrations a newer release than this build applied last, which this
     * build must neither report as pending or missing nor apply again (that would put its older content
     * back under the newer release's pods during a rollout). Flyway records no release per row, and a
     * repeatable's checksum alone cannot tell an older build from a newer one that reverted it, so the
     * evidence is a versioned migration newer than every script of this build ({@code FUTURE_SUCCESS}): a
     * repeatable whose latest application differs from this build's script ({@code OUTDATED}) or has no
     * script here ({@code MISSING_SUCCESS}) and ranks after the first such migration was applied by a release
     * that knows it. A release that changes repeatable migrations without adding a versioned one leaves no
     * such evidence: its repeatables stay pending or missing for older builds.
     */
    public Set<String> newerReleaseRepeatables() {
        OptionalInt firstNewer = migrations.stream()
                .filter(m -> !m.repeatable() && m.applied() && m.installedRank() != null
                        && m.state().equals("FUTURE_SUCCESS"))
                .mapToInt(Migration::installedRank).min();
        if (firstNewer.isEmpty()) {
            return Set.of();
        }
        return migrations.stream()
                .filter(m -> m.repeatable() && m.installedRank() != null && m.installedRank() > firstNewer.getAsInt()
                        && (m.state().equals("OUTDATED") || m.state().equals("MISSING_SUCCESS")))
                .map(Migration::script)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * One migration as {@code MigrationInfo} describes it.
     *
     * @param state Flyway's {@code MigrationState} name, e.g. {@code SUCCESS}, {@code PENDING},
     *     {@code FAILED}, {@code MISSING_SUCCESS}, {@code FUTURE_SUCCESS}, {@code OUTDATED}, {@code SUPERSEDED}
     *     (an earlier application of a repeatable migration)
     * @param script the script name, e.g. {@code V1__iam_schema.sql}
     * @param installedRank its row's {@code installed_rank} in the history table, null when not applied
     */
    public record Migration(String version, String description, String script, String state,
            Integer checksum, boolean applied, Integer installedRank) {

        /** The migration as Flyway's {@code info()} describes it. */
        public static Migration of(MigrationInfo info) {
            return new Migration(info.getVersion() == null ? null : info.getVersion().getVersion(),
                    info.getDescription(), info.getScript(), info.getState().name(), info.getChecksum(),
                    info.getState().isApplied(), info.getInstalledRank());
        }

        /** Whether it is a repeatable migration ({@code R__}), which has no version. */
        public boolean repeatable() {
            return version == null;
        }
    }

    /**
     * One error from {@code ValidateResult.invalidMigrations}.
     *
     * @param errorCode Flyway's {@code CoreErrorCode} name, e.g. {@code CHECKSUM_MISMATCH}
     */
    public record ValidationError(String version, String script, String errorCode, String message) {
    }
}
