package dev.migrationgate.report;

/** The area a finding belongs to; each concern has its own readiness check. */
public enum Concern {
    EXTENSIONS("gate-extensions"),
    ENUMS("gate-enums"),
    TIMESTAMPS("gate-timestamps"),
    MIGRATIONS("gate-migrations"),
    INFRASTRUCTURE("gate");

    private final String healthCheckName;

    Concern(String healthCheckName) {
        this.healthCheckName = healthCheckName;
    }

    /** The name of the readiness health check that reports this concern. */
    public String healthCheckName() {
        return healthCheckName;
    }
}
