package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A joined subclass: only its own columns live in its table; the inherited ones stay in {@code tickets}. */
@Entity
@Table(name = "escalated_tickets")
public class EscalatedTicket extends Ticket {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "escalated_status")
    public TicketStatus escalatedStatus;

    @Column(name = "escalated_at")
    public Instant escalatedAt;
}
