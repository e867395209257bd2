package dev.migrationgate.inspect;

import java.util.Optional;

/**
 * Where a snapshot's {@link MigrationHistory} comes from; blocking. A reader may name a history table whose
 * fingerprint the inspector reads with the catalog ({@link #fingerprintTable()}); it then answers from an
 * earlier read as long as the fingerprint is unchanged ({@link #unchanged}).
 */
@FunctionalInterface
public interface MigrationHistoryReader {

    /** Reads the history now; throws {@link InspectionException} when it cannot. */
    MigrationHistory read();

    /** The history table to fingerprint, schema-qualified and quoted; empty when this reader takes no fingerprint. */
    default Optional<String> fingerprintTable() {
        return Optional.empty();
    }

    /** The history read earlier under {@code seen}, if the table has not changed since; never blocks. */
    default Optional<MigrationHistory> unchanged(HistoryFingerprint seen) {
        return Optional.empty();
    }

    /** Reads the history now and remembers it under {@code seen}, the fingerprint read just before. */
    default MigrationHistory read(HistoryFingerprint seen) {
        return read();
    }

    /** A reader for a database without migrations: always {@link MigrationHistory#empty()}. */
    static MigrationHistoryReader none() {
        return MigrationHistory::empty;
    }
}
