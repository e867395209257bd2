package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** An embedded id holding a temporal and an enum part. */
@Embeddable
public record ShiftId(@Column(name = "site") String site, @Column(name = "day") LocalDate day,
        @Column(name = "colour") Colour colour) {
}
