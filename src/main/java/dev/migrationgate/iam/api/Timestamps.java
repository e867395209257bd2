package dev.migrationgate.iam.api;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts between the naive UTC timestamps of the schema and the zoned ones of the JSON API. */
final class Timestamps {

    private Timestamps() {
    }

    static OffsetDateTime toJson(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC);
    }

    static LocalDateTime fromJson(OffsetDateTime instant) {
        return instant == null ? null : instant.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
