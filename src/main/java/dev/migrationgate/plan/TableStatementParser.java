package dev.migrationgate.plan;

import dev.migrationgate.plan.SchemaChange.AddColumn;
import dev.migrationgate.plan.SchemaChange.AlterColumnType;
import dev.migrationgate.plan.SchemaChange.ColumnDefinition;
import dev.migrationgate.plan.SchemaChange.CreateTable;
import dev.migrationgate.plan.SchemaChange.DropColumn;
import dev.migrationgate.plan.SchemaChange.DropTables;
import dev.migrationgate.plan.SchemaChange.RenameColumn;
import dev.migrationgate.plan.SchemaChange.RenameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the table statements that decide column types: {@code CREATE TABLE} with a column list,
 * the {@code ALTER TABLE} actions that add, retype, drop or rename columns (other actions are
 * irrelevant and skipped over), and {@code DROP TABLE}. Forms whose columns are not written out
 * ({@code AS}, {@code LIKE}, {@code OF}, {@code PARTITION OF}, {@code INHERITS}) are not analysed.
 */
final class TableStatementParser {

    private static final Set<String> TABLE_CONSTRAINTS = Set.of("constraint", "primary", "unique", "check", "foreign");

    private TableStatementParser() {
    }

    /** After {@code CREATE [UNLOGGED] TABLE}. */
    static List<SchemaChange> create(TokenCursor cursor) {
        boolean ifNotExists = cursor.acceptWords("if", "not", "exists");
        ObjectName table = cursor.objectName();
        if (cursor.acceptWords("of")) {
            throw new UnsupportedStatementException("CREATE TABLE … OF type (typed table) is not analysed");
        }
        if (cursor.acceptWords("partition", "of")) {
            throw new UnsupportedStatementException("CREATE TABLE … PARTITION OF takes its columns from the parent"
                    + " and is not analysed");
        }
        TokenCursor afterList = cursor.peekSymbol("(") ? cursor.from(cursor.matchingParenthesis() + 1) : cursor;
        if (afterList.peekWord("as")) {
            throw new UnsupportedStatementException("CREATE TABLE … AS (a table from a query) is not analysed");
        }
        if (!cursor.peekSymbol("(")) {
            throw new UnsupportedStatementException("CREATE TABLE without a column list is not analysed");
        }
        if (afterList.containsTopLevelWord("inherits")) {
            throw new UnsupportedStatementException("CREATE TABLE … INHERITS takes columns from its parents and is"
                    + " not analysed");
        }
        cursor.expectSymbol("(");
        List<ColumnDefinition> columns = new ArrayList<>();
        if (!cursor.acceptSymbol(")")) {
            do {
                if (cursor.peekWord("like")) {
                    throw new UnsupportedStatementException("CREATE TABLE … (LIKE …) copies columns and is not analysed");
                }
                if (!isTableConstraint(cursor)) {
                    columns.add(column(cursor));
                }
                cursor.skipToListEnd();
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
        }
        return List.of(new CreateTable(table, ifNotExists, columns));
    }

    /** After {@code ALTER TABLE}. */
    static List<SchemaChange> alter(TokenCursor cursor) {
        if (cursor.acceptWords("all", "in", "tablespace")) {
            return List.of();
        }
        cursor.acceptWords("if", "exists");
        cursor.acceptWords("only");
        ObjectName table = cursor.objectName();
        cursor.acceptSymbol("*");
        if (cursor.acceptWords("rename")) {
            return rename(cursor, table);
        }
        if (cursor.acceptWords("set", "schema")) {
            throw new UnsupportedStatementException("ALTER TABLE … SET SCHEMA is not analysed");
        }
        List<SchemaChange> changes = new ArrayList<>();
        do {
            action(cursor, table, changes);
            cursor.skipToListEnd();
        } while (cursor.acceptSymbol(","));
        cursor.expectEnd();
        return changes;
    }

    /** After {@code DROP TABLE}. */
    static List<SchemaChange> drop(TokenCursor cursor) {
        cursor.acceptWords("if", "exists");
        List<ObjectName> tables = new ArrayList<>();
        do {
            tables.add(cursor.objectName());
        } while (cursor.acceptSymbol(","));
        return List.of(new DropTables(tables));
    }

    private static List<SchemaChange> rename(TokenCursor cursor, ObjectName table) {
        SchemaChange change;
        if (cursor.acceptWords("to")) {
            change = new RenameTable(table, cursor.identifier());
        } else if (cursor.acceptWords("constraint")) {
            return List.of();
        } else {
            cursor.acceptWords("column");
            String from = cursor.identifier();
            cursor.expectWords("to");
            change = new RenameColumn(table, from, cursor.identifier());
        }
        cursor.expectEnd();
        return List.of(change);
    }

    private static void action(TokenCursor cursor, ObjectName table, List<SchemaChange> changes) {
        if (cursor.acceptWords("add")) {
            if (isTableConstraint(cursor)) {
                return;
            }
            cursor.acceptWords("column");
            boolean ifNotExists = cursor.acceptWords("if", "not", "exists");
            changes.add(new AddColumn(table, column(cursor), ifNotExists));
        } else if (cursor.acceptWords("drop")) {
            if (cursor.peekWord("constraint")) {
                return;
            }
            cursor.acceptWords("column");
            cursor.acceptWords("if", "exists");
            changes.add(new DropColumn(table, cursor.identifier()));
        } else if (cursor.acceptWords("alter")) {
            if (cursor.peekWord("constraint")) {
                return;
            }
            cursor.acceptWords("column");
            String column = cursor.identifier();
            if (cursor.acceptWords("set", "data", "type") || cursor.acceptWords("type")) {
                changes.add(new AlterColumnType(table, column, ColumnTypeParser.parse(cursor)));
            }
        }
    }

    private static ColumnDefinition column(TokenCursor cursor) {
        String name = cursor.identifier();
        return new ColumnDefinition(name, ColumnTypeParser.parse(cursor));
    }

    private static boolean isTableConstraint(TokenCursor cursor) {
        SqlToken token = cursor.peek();
        if (token == null || token.kind() != SqlToken.Kind.WORD) {
            return false;
        }
        if (token.text().equals("exclude")) {
            SqlToken next = cursor.peek(1);
            return next != null && (next.isSymbol("(") || next.isWord("using"));
        }
        return TABLE_CONSTRAINTS.contains(token.text());
    }
}
