package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A quoted mixed-case table and column beside an unquoted upper-case column that PostgreSQL folds. */
@Entity
@Table(name = "\"AuditTrail\"")
public class AuditTrailEntry {

    @Id
    public Long id;

    @Column(name = "\"OccurredAt\"")
    public OffsetDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND")
    public Colour kind;
}
