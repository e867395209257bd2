package dev.migrationgate.check;

import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.MigrationHistory;
import dev.migrationgate.inspect.MigrationHistory.Migration;
import dev.migrationgate.inspect.MigrationHistory.ValidationError;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's history, as its API reports it, against the local scripts.
 * <p>
 * <b>Problem:</b> a migration that failed and blocks every further {@code migrate}; scripts not yet
 * applied; an applied script edited afterwards (checksum mismatch); an applied migration whose script
 * this build lacks; migrations applied by a newer release than this one.
 * <p>
 * <b>Expected:</b> every local migration applied successfully, unchanged since, and nothing applied that
 * this build does not know.
 * <p>
 * <b>Repair:</b> described, never SQL against the history table: fix the failed script, then
 * {@code flyway repair} and migrate again; {@code flyway migrate} for pending ones; restore an edited or
 * deleted script, or run {@code flyway repair} only when the change or deletion was intended.
 * <p>
 * Flyway states map to codes as follows: {@code FAILED} to {@code MIGRATION_FAILED}; {@code PENDING},
 * {@code IGNORED} (skipped below the latest applied version) and {@code OUTDATED} (a changed repeatable
 * migration) to {@code MIGRATION_PENDING}; {@code MISSING_SUCCESS} and {@code MISSING_FAILED} to
 * {@code MIGRATION_MISSING}; {@code FUTURE_SUCCESS} and {@code FUTURE_FAILED} to {@code MIGRATION_FUTURE};
 * a {@code MISSING_FAILED} or {@code FUTURE_FAILED} migration is a {@code MIGRATION_FAILED} as well,
 * because Flyway refuses to migrate past any failed entry. Of the validation errors only
 * {@code CHECKSUM_MISMATCH} adds information; the others restate the states above. The object of each
 * finding is {@code V<version> <script>} ({@code R <script>} for a repeatable migration).
 * <p>
 * A repeatable migration a newer release changed or added ({@link MigrationHistory#newerReleaseRepeatables})
 * is {@code MIGRATION_FUTURE} too, like a newer versioned migration, instead of pending ({@code OUTDATED})
 * or missing, so the old pods stay ready during a rollout; a failed application of it is still
 * {@code MIGRATION_FAILED}.
 */
public final class MigrationsCheck implements Check {

    private static final Pattern APPLIED_CHECKSUM = Pattern.compile("Applied to database\\s*:\\s*(\\S+)");
    private static final Pattern LOCAL_CHECKSUM = Pattern.compile("Resolved locally\\s*:\\s*(\\S+)");

    @Override
    public List<Finding> check(Expectations expectations, CatalogSnapshot snapshot) {
        MigrationHistory history = snapshot.migrations();
        if (history == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> newerRepeatables = history.newerReleaseRepeatables();
        Set<String> reported = new HashSet<>();
        for (Migration migration : history.migrations()) {
            if (migration.repeatable() && newerRepeatables.contains(migration.script())) {
                if (failed(migration.state())) {
                    findings.add(failed(migration));
                } else if ((migration.state().equals("OUTDATED") || migration.state().equals("MISSING_SUCCESS"))
                        && reported.add(migration.script())) {
                    findings.add(newerRepeatable(migration));
                }
                continue;
            }
            findings.addAll(state(migration));
        }
        for (ValidationError error : history.validationErrors()) {
            if ("CHECKSUM_MISMATCH".equals(error.errorCode())) {
                findings.add(checksumMismatch(error));
            }
        }
        return findings;
    }

    private static List<Finding> state(Migration migration) {
        String object = object(migration.version(), migration.script());
        String state = migration.state();
        List<Finding> findings = new ArrayList<>();
        switch (state) {
            case "PENDING" -> findings.add(Finding.of(FindingCode.MIGRATION_PENDING, object, "applied", "pending",
                    object + " has not been applied yet: run flyway migrate (the gate runs it at start-up).", null));
            case "IGNORED" -> findings.add(Finding.of(FindingCode.MIGRATION_PENDING, object, "applied",
                    "ignored (below the latest applied version)", object + " was never applied and sorts below the"
                            + " latest applied version, so migrate skips it: give it a version above the latest one,"
                            + " or allow out-of-order migrations (flyway.outOfOrder=true).", null));
            case "OUTDATED" -> findings.add(Finding.of(FindingCode.MIGRATION_PENDING, object, "applied as it is now",
                    "outdated", object + " is a repeatable migration changed since it was applied: flyway migrate"
                            + " applies it again.", null));
            case "MISSING_SUCCESS", "MISSING_FAILED" -> findings.add(Finding.of(FindingCode.MIGRATION_MISSING, object,
                    "a local script", "applied, no local script", object + " is recorded as applied but this build"
                            + " has no such script: the database is ahead of this build, or the script was deleted or"
                            + " renamed. Restore it; run flyway repair (which marks it deleted) only if it was removed"
                            + " on purpose.", null));
            case "FUTURE_SUCCESS", "FUTURE_FAILED" -> findings.add(Finding.of(FindingCode.MIGRATION_FUTURE, object,
                    "no version above this build's latest script", "applied by a newer release", object + " was"
                            + " applied by a newer release than this build: the schema may be ahead of this code;"
                            + " deploy the newer release or check that this one tolerates the newer schema.", null));
            default -> {
            }
        }
        if (failed(state)) {
            findings.add(failed(migration));
        }
        return findings;
    }

    private static boolean failed(String state) {
        return state.equals("FAILED") || state.endsWith("_FAILED");
    }

    /** A migration recorded as failed: Flyway migrates no further until it is repaired. */
    private static Finding failed(Migration migration) {
        String object = object(migration.version(), migration.script());
        return Finding.of(FindingCode.MIGRATION_FAILED, object, "success", migration.state().toLowerCase(Locale.ROOT),
                object + " failed and is recorded as failed in Flyway's history: Flyway migrates no further until it"
                        + " is repaired. Remove whatever it half-applied (PostgreSQL rolls back transactional DDL by"
                        + " itself), fix the script, then run flyway repair and migrate again.", null);
    }

    /** A repeatable migration a newer release changed or added ({@link MigrationHistory#newerReleaseRepeatables}). */
    private static Finding newerRepeatable(Migration migration) {
        String object = object(migration.version(), migration.script());
        boolean changed = migration.state().equals("OUTDATED");
        return Finding.of(FindingCode.MIGRATION_FUTURE, object, changed ? "this build's content"
                : "no such script in this build", changed ? "changed by a newer release" : "added by a newer release",
                object + " was last applied by a newer release than this build (after a versioned migration newer"
                        + " than this build's): the gate does not apply this build's version over it. Deploy the"
                        + " newer release, or check that this one tolerates what it created.", null);
    }

    private static Finding checksumMismatch(ValidationError error) {
        String object = object(error.version(), error.script());
        String message = error.message() == null ? "" : error.message();
        Matcher applied = APPLIED_CHECKSUM.matcher(message);
        Matcher local = LOCAL_CHECKSUM.matcher(message);
        String expected = applied.find() ? "checksum " + applied.group(1) + " (as applied)" : "the script as applied";
        String actual = local.find() ? "checksum " + local.group(1) + " (local script)" : "a changed local script";
        return Finding.of(FindingCode.MIGRATION_CHECKSUM_MISMATCH, object, expected, actual,
                object + " was changed after it was applied, so the database does not run what the script says."
                        + " Restore the applied content and put the change in a new migration; only if the change was"
                        + " intended and does not alter the schema (comments, formatting) run flyway repair to record"
                        + " the new checksum.",
                null);
    }

    private static String object(String version, String script) {
        String prefix = version == null || version.isEmpty() ? "R" : "V" + version;
        return script == null || script.isEmpty() ? prefix : prefix + " " + script;
    }
}
