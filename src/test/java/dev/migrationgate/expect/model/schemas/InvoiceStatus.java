package dev.migrationgate.expect.model.schemas;

import jakarta.persistence.EnumeratedValue;

/** Persisted by value in the enum type {@code billing.invoicestatus}. */
public enum InvoiceStatus {
    DRAFT("draft"),
    PAID("paid");

    @EnumeratedValue
    private final String value;

    InvoiceStatus(String value) {
        this.value = value;
    }
}
