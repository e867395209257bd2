package dev.migrationgate.expect.model;

/** An enum without a value field: Hibernate can only persist its names or ordinals. */
public enum Colour {
    RED,
    GREEN,
    BLUE
}
