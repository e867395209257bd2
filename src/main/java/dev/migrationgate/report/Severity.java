package dev.migrationgate.report;

/** How serious a finding is. The gate's policy, not the severity, decides what blocks. */
public enum Severity {
    /** The database is wrong for the application; the gate blocks on it. */
    ERROR,
    /** Worth a human's attention; reported, never blocking. */
    WARNING
}
