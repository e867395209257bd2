package dev.migrationgate.inspect;

import java.time.Duration;

/**
 * A snapshot with what reading it cost.
 *
 * @param catalogQueries how many of the inspector's own queries were run (the history fingerprint included), sent
 *     in one round trip, or two when what the server offers had to be read; Flyway's reading of its history is
 *     not counted
 * @param duration wall-clock time of the whole inspection, Flyway's history included
 */
public record InspectionResult(CatalogSnapshot snapshot, int catalogQueries, Duration duration) {
}
