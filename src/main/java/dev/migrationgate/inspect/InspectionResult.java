package dev.migrationgate.inspect;

import java.time.Duration;

/**
 * A snapshot with what reading it cost.
 *
 * @param catalogQueries how many catalog queries (database round trips of the inspector's own SQL) were run;
 *     Flyway's reading of its history is not counted
 * @param duration wall-clock time of the whole inspection, Flyway's history included
 */
public record InspectionResult(CatalogSnapshot snapshot, int catalogQueries, Duration duration) {
}
