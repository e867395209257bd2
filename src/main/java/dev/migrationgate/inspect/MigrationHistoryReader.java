package dev.migrationgate.inspect;

/** Where a snapshot's {@link MigrationHistory} comes from; blocking. */
@FunctionalInterface
public interface MigrationHistoryReader {

    /** Reads the history now; throws {@link InspectionException} when it cannot. */
    MigrationHistory read();

    /** A reader for a database without migrations: always {@link MigrationHistory#empty()}. */
    static MigrationHistoryReader none() {
        return MigrationHistory::empty;
    }
}
