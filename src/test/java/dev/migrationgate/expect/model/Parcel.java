package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The entity the tests leave out and then add, to show that adding an entity needs no configuration. */
@Entity
@Table(name = "parcels")
public class Parcel {

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status")
    public TicketStatus status;

    @Column(name = "shipped_at")
    public LocalDateTime shippedAt;
}
