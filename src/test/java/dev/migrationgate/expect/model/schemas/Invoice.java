package dev.migrationgate.expect.model.schemas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entity in schema {@code billing}, with its enum type in the same schema. */
@Entity
@Table(name = "invoices", schema = "billing")
public class Invoice {

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false)
    public InvoiceStatus status;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
