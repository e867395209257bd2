package dev.migrationgate.expect.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;

/** A mapped superclass: its attributes belong to each entity table that extends it. */
@MappedSuperclass
public abstract class Stamped {

    @Column(name = "created_at")
    public LocalDateTime createdAt;
}
