package dev.migrationgate.inspect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
     * back under the newer release's pods during a rollout):
     * <ul>
     * <li>changed by a newer release: the latest applied content ({@code OUTDATED}) differs from this
     * build's script, and this build's content was applied before it (so it is not waiting to be applied:
     * that is a pending change of this build);</li>
     * <li>added by a newer release: applied and without a local script ({@code MISSING_SUCCESS}), after
     * every history row this build recognises as its own (a versioned migration it resolves, or a
     * repeatable with the content of its script), so it is not a script this build deleted.</li>
     * </ul>
     * Flyway keeps no record of which release applied a row; this is what its order and checksums prove.
     */
    public Set<String> newerReleaseRepeatables() {
        Map<String, Integer> localChecksums = new HashMap<>();
        for (Migration migration : migrations) {
            if (migration.repeatable() && (!migration.applied() || "SUCCESS".equals(migration.state()))) {
                localChecksums.put(migration.script(), migration.checksum());
            }
        }
        int newestOwn = 0;
        for (Migration migration : migrations) {
            boolean own = migration.repeatable()
                    ? Objects.equals(localChecksums.get(migration.script()), migration.checksum())
                    : "SUCCESS".equals(migration.state());
            if (own && migration.applied() && migration.installedRank() != null) {
                newestOwn = Math.max(newestOwn, migration.installedRank());
            }
        }
        Set<String> newer = new HashSet<>();
        for (Migration migration : migrations) {
            if (!migration.repeatable() || migration.installedRank() == null) {
                continue;
            }
            boolean changed = "OUTDATED".equals(migration.state()) && migrations.stream().anyMatch(earlier ->
                    earlier.repeatable() && earlier.applied() && earlier.script().equals(migration.script())
                            && earlier.installedRank() != null && earlier.installedRank() < migration.installedRank()
                            && Objects.equals(earlier.checksum(), localChecksums.get(migration.script())));
            boolean added = "MISSING_SUCCESS".equals(migration.state()) && migration.installedRank() > newestOwn;
            if (changed || added) {
                newer.add(migration.script());
            }
        }
        return Set.copyOf(newer);
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
