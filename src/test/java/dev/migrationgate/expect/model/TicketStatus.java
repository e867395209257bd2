package dev.migrationgate.expect.model;

import jakarta.persistence.EnumeratedValue;

/** An enum persisted by its {@link EnumeratedValue} field, in an order unlike the alphabetical one. */
public enum TicketStatus {
    OPEN("open"),
    IN_PROGRESS("in_progress"),
    CLOSED("closed");

    @EnumeratedValue
    private final String value;

    TicketStatus(String value) {
        this.value = value;
    }
}
