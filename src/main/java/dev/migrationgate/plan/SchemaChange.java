package dev.migrationgate.plan;

import java.util.List;

/** One effect of a statement on enum types or column types, as parsed, before names are resolved. */
sealed interface SchemaChange {

    /** {@code CREATE TYPE type AS ENUM (labels)}. */
    record CreateEnum(ObjectName type, List<String> labels) implements SchemaChange {
        public CreateEnum {
            labels = List.copyOf(labels);
        }
    }

    /**
     * {@code ALTER TYPE type ADD VALUE [IF NOT EXISTS] label [BEFORE|AFTER neighbour]}.
     *
     * @param neighbour the label to place it next to, {@code null} to append
     */
    record AddEnumLabel(ObjectName type, String label, boolean ifNotExists, String neighbour, boolean before)
            implements SchemaChange {
    }

    /** {@code ALTER TYPE type RENAME VALUE from TO to}. */
    record RenameEnumLabel(ObjectName type, String from, String to) implements SchemaChange {
    }

    /** {@code ALTER TYPE type RENAME TO newName}. */
    record RenameType(ObjectName type, String newName) implements SchemaChange {
    }

    /** {@code DROP TYPE [IF EXISTS] types [CASCADE]}. */
    record DropTypes(List<ObjectName> types, boolean cascade) implements SchemaChange {
        public DropTypes {
            types = List.copyOf(types);
        }
    }

    /** {@code CREATE TABLE [IF NOT EXISTS] table (columns…)}. */
    record CreateTable(ObjectName table, boolean ifNotExists, List<ColumnDefinition> columns) implements SchemaChange {
        public CreateTable {
            columns = List.copyOf(columns);
        }
    }

    /** {@code ALTER TABLE table ADD [COLUMN] [IF NOT EXISTS] column}. */
    record AddColumn(ObjectName table, ColumnDefinition column, boolean ifNotExists) implements SchemaChange {
    }

    /** {@code ALTER TABLE table ALTER [COLUMN] column [SET DATA] TYPE type}. */
    record AlterColumnType(ObjectName table, String column, TypeSyntax type) implements SchemaChange {
    }

    /** {@code ALTER TABLE table DROP [COLUMN] [IF EXISTS] column}. */
    record DropColumn(ObjectName table, String column) implements SchemaChange {
    }

    /** {@code ALTER TABLE table RENAME [COLUMN] from TO to}. */
    record RenameColumn(ObjectName table, String from, String to) implements SchemaChange {
    }

    /** {@code ALTER TABLE table RENAME TO newName}. */
    record RenameTable(ObjectName table, String newName) implements SchemaChange {
    }

    /** {@code DROP TABLE [IF EXISTS] tables}. */
    record DropTables(List<ObjectName> tables) implements SchemaChange {
        public DropTables {
            tables = List.copyOf(tables);
        }
    }

    /**
     * {@code SET search_path …} or {@code RESET search_path}.
     *
     * @param schemas the new search path, empty to restore the default
     */
    record SetSearchPath(List<String> schemas) implements SchemaChange {
        public SetSearchPath {
            schemas = List.copyOf(schemas);
        }
    }

    /** A column of {@code CREATE TABLE} or {@code ADD COLUMN}. */
    record ColumnDefinition(String name, TypeSyntax type) {
    }
}
