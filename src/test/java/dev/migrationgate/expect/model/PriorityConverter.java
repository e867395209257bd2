package dev.migrationgate.expect.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Stores a {@link Priority} as its lowercase code in a character column. */
@Converter
public class PriorityConverter implements AttributeConverter<Priority, String> {

    @Override
    public String convertToDatabaseColumn(Priority priority) {
        return priority == null ? null : priority.code;
    }

    @Override
    public Priority convertToEntityAttribute(String code) {
        return code == null ? null
                : Arrays.stream(Priority.values()).filter(p -> p.code.equals(code)).findFirst().orElseThrow();
    }
}
