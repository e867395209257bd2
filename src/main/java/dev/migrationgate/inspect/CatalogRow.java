package dev.migrationgate.inspect;

import java.util.List;

/** One result row of a catalog query, as both executors present it to the shared row mapping. */
interface CatalogRow {

    /** The text value of {@code column}, or {@code null} when it is SQL NULL. */
    String text(String column);

    /** The integer value of {@code column}; SQL NULL reads as 0. */
    int integer(String column);

    /** The boolean value of {@code column}; SQL NULL reads as {@code false}. */
    boolean flag(String column);

    /** The {@code text[]} value of {@code column}; SQL NULL reads as an empty list. */
    List<String> texts(String column);
}
