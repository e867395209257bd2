package dev.migrationgate.expect;

/** How an enum attribute reaches its column, as Hibernate binds it. */
public enum EnumStorage {
    /** A PostgreSQL enum type ({@code SqlTypes.NAMED_ENUM} or a converter onto an enum column). */
    NAMED_ENUM,
    /** A character column holding the persisted labels. */
    STRING,
    /** An integer column holding ordinals (or converted integers); no labels to compare. */
    ORDINAL
}
