package dev.migrationgate.iam;

import java.util.Arrays;
import java.util.List;

/**
 * An enum whose constants are persisted and serialised by a lowercase value rather than by
 * {@link Enum#name()}: the database type's labels and the JSON both carry {@link #value()}.
 */
public interface PersistedValue {

    /** The label stored in PostgreSQL and written in JSON. */
    String value();

    /** The values of every constant of {@code type}, in declaration order. */
    static <E extends Enum<E> & PersistedValue> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(PersistedValue::value).toList();
    }
}
