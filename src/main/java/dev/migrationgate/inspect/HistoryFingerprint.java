package dev.migrationgate.inspect;

/**
 * What {@code history.sql} reads of Flyway's history table in the same round trip as the catalog: equal
 * fingerprints mean equal rows in every column Flyway derives states and validation errors from.
 *
 * @param rows how many rows the table has
 * @param maxRank the highest {@code installed_rank}, 0 for an empty table
 * @param digest md5 of the rows' version, description, type, script, checksum and success, in rank order
 */
public record HistoryFingerprint(int rows, int maxRank, String digest) {

    /** The fingerprint in a row of {@code history.sql}. */
    static HistoryFingerprint of(CatalogRow row) {
        return new HistoryFingerprint(row.integer("history_rows"), row.integer("history_max_rank"),
                row.text("history_digest"));
    }
}
