package dev.migrationgate.plan;

import dev.migrationgate.plan.SchemaChange.AddEnumLabel;
import dev.migrationgate.plan.SchemaChange.CreateEnum;
import dev.migrationgate.plan.SchemaChange.DropTypes;
import dev.migrationgate.plan.SchemaChange.RenameEnumLabel;
import dev.migrationgate.plan.SchemaChange.RenameType;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code CREATE TYPE … AS ENUM}, the {@code ALTER TYPE} forms that change an enum's labels or
 * name, and {@code DROP TYPE}. Other {@code CREATE TYPE} forms (composite, range, base, shell) create
 * no enum and yield nothing; other {@code ALTER TYPE} forms are not analysed.
 */
final class TypeStatementParser {

    private TypeStatementParser() {
    }

    /** After {@code CREATE TYPE}. */
    static List<SchemaChange> create(TokenCursor cursor) {
        ObjectName type = cursor.objectName();
        if (!cursor.acceptWords("as", "enum")) {
            return List.of();
        }
        cursor.expectSymbol("(");
        List<String> labels = new ArrayList<>();
        if (!cursor.acceptSymbol(")")) {
            do {
                labels.add(cursor.stringLiteral());
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
        }
        cursor.expectEnd();
        return List.of(new CreateEnum(type, labels));
    }

    /** After {@code ALTER TYPE}. */
    static List<SchemaChange> alter(TokenCursor cursor) {
        ObjectName type = cursor.objectName();
        if (cursor.acceptWords("owner", "to")) {
            return List.of();
        }
        SchemaChange change;
        if (cursor.acceptWords("add", "value")) {
            boolean ifNotExists = cursor.acceptWords("if", "not", "exists");
            String label = cursor.stringLiteral();
            boolean before = cursor.acceptWords("before");
            String neighbour = before || cursor.acceptWords("after") ? cursor.stringLiteral() : null;
            change = new AddEnumLabel(type, label, ifNotExists, neighbour, before);
        } else if (cursor.acceptWords("rename", "value")) {
            String from = cursor.stringLiteral();
            cursor.expectWords("to");
            change = new RenameEnumLabel(type, from, cursor.stringLiteral());
        } else if (cursor.acceptWords("rename", "to")) {
            change = new RenameType(type, cursor.identifier());
        } else {
            throw new UnsupportedStatementException("this ALTER TYPE form is not analysed");
        }
        cursor.expectEnd();
        return List.of(change);
    }

    /** After {@code DROP TYPE}. */
    static List<SchemaChange> drop(TokenCursor cursor) {
        cursor.acceptWords("if", "exists");
        List<ObjectName> types = new ArrayList<>();
        do {
            types.add(cursor.objectName());
        } while (cursor.acceptSymbol(","));
        boolean cascade = cursor.acceptWords("cascade");
        if (!cascade) {
            cursor.acceptWords("restrict");
        }
        cursor.expectEnd();
        return List.of(new DropTypes(types, cascade));
    }
}
