package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Every way of persisting an enum that the expectations must tell apart. */
@Entity
@Table(name = "tickets")
@Inheritance(strategy = InheritanceType.JOINED)
public class Ticket extends Stamped {

    @Id
    public Long id;

    @Convert(converter = PriorityConverter.class)
    @Column(name = "priority")
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "colour_name")
    public Colour colourName;

    @Enumerated(EnumType.ORDINAL)
    @Column(name = "colour_ordinal")
    public Colour colourOrdinal;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status")
    public TicketStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "colour")
    public Colour colour;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "severity", columnDefinition = "Ticket_Severity")
    public Severity severity;

    @Convert(converter = PriorityConverter.class)
    @ColumnTransformer(write = "?::priority_level")
    @Column(name = "priority_level", columnDefinition = "priority_level")
    public Priority priorityLevel;
}
