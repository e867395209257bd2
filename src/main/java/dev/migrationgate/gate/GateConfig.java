package dev.migrationgate.gate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The {@code gate.*} configuration of the public contract; every key is overridable by environment. */
@ConfigMapping(prefix = "gate")
public interface GateConfig {

    Extensions extensions();

    /** How long start-up waits for the database, retrying with back-off. */
    @WithDefault("60s")
    Duration connectTimeout();

    /** What a failed gate does to the process. */
    @WithDefault("stay-unready")
    OnFailure onFailure();

    /** Readiness re-validates the live catalog at most once per this interval. */
    @WithDefault("5s")
    Duration cacheTtl();

    /** The longest a readiness re-validation may take before the probe reports DOWN. */
    @WithDefault("2s")
    Duration checkTimeout();

    /** What the gate does to the database at start-up. */
    @WithDefault("migrate")
    Mode mode();

    /** The longest the gate waits for a lock it needs (its own advisory lock, Flyway's). */
    @WithDefault("60s")
    Duration lockTimeout();

    /** Whether migrations that cannot be verified before commit (non-transactional) may run. */
    @WithDefault("false")
    boolean allowUnverifiedMigrations();

    /** Extensions the database must have; entries are {@code name} or {@code name>=version}. */
    interface Extensions {

        /** Missing required extensions block the gate. */
        @WithDefault("uuid-ossp,pgcrypto")
        List<String> required();

        /** Missing optional extensions are reported as warnings. */
        @WithDefault("vector")
        List<String> optional();
    }

    /** What the gate does to the database at start-up. */
    enum Mode {
        /** Bootstrap extensions, verify and apply pending migrations, validate. */
        MIGRATE,
        /** Never run DDL: wait until the migrations this build carries were applied elsewhere, then validate. */
        VERIFY,
        /** Dry run: apply everything in one transaction, run every check, always roll back, exit 0 or 1. */
        REHEARSE
    }

    /** What happens when the gate fails. */
    enum OnFailure {
        /** Keep serving probes, DOWN, with the report. */
        STAY_UNREADY,
        /** Log the report and exit non-zero (for a Kubernetes Job or init container). */
        EXIT
    }
}
