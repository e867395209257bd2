package dev.migrationgate.expect.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Set;

/**
 * An entity with an embedded id, an embedded value (one column overridden onto another enum type) and an
 * element collection.
 */
@Entity
@Table(name = "shifts")
public class Shift {

    @EmbeddedId
    public ShiftId id;

    @Embedded
    @AttributeOverride(name = "status", column = @Column(name = "window_status", columnDefinition = "window_state"))
    public Window window;

    @ElementCollection
    @CollectionTable(name = "shift_priorities")
    @Enumerated(EnumType.STRING)
    @Column(name = "priority")
    public Set<Priority> priorities;
}
