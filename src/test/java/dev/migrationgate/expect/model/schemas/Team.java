package dev.migrationgate.expect.model.schemas;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An entity in schema {@code org}, off the application's search path. */
@Entity
@Table(name = "teams", schema = "org")
public class Team {

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "kind", nullable = false)
    public TeamKind kind;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;
}
