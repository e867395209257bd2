package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An embeddable with a temporal and a named-enum part. */
@Embeddable
public class Window {

    @Column(name = "opens_at")
    public LocalTime opensAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status")
    public TicketStatus status;
}
