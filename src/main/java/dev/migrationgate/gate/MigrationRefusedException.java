package dev.migrationgate.gate;

import dev.migrationgate.report.Finding;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link MigrationVerifier} inside a migration's transaction to make PostgreSQL roll it back;
 * carries the findings that explain why ({@code MIGRATION_REJECTED} or {@code MIGRATION_UNVERIFIED} first,
 * then the underlying ones). Flyway wraps it; {@link MigrateFailures} finds it in the cause chain.
 */
public class MigrationRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    MigrationRefusedException(List<Finding> findings) {
        super(findings.stream().map(f -> f.code() + " " + f.object() + ": " + f.message())
                .collect(Collectors.joining("; ")));
        this.findings = List.copyOf(findings);
    }

    /** The refusal followed by the findings it rests on. */
    public List<Finding> findings() {
        return findings;
    }
}
