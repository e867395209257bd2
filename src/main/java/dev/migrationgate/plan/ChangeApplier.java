package dev.migrationgate.plan;

import dev.migrationgate.plan.PlanState.Key;
import dev.migrationgate.plan.SchemaChange.AddColumn;
import dev.migrationgate.plan.SchemaChange.AddEnumLabel;
import dev.migrationgate.plan.SchemaChange.AlterColumnType;
import dev.migrationgate.plan.SchemaChange.ColumnDefinition;
import dev.migrationgate.plan.SchemaChange.CreateEnum;
import dev.migrationgate.plan.SchemaChange.CreateTable;
import dev.migrationgate.plan.SchemaChange.DropColumn;
import dev.migrationgate.plan.SchemaChange.DropTables;
import dev.migrationgate.plan.SchemaChange.DropTypes;
import dev.migrationgate.plan.SchemaChange.RenameColumn;
import dev.migrationgate.plan.SchemaChange.RenameEnumLabel;
import dev.migrationgate.plan.SchemaChange.RenameTable;
import dev.migrationgate.plan.SchemaChange.RenameType;
import dev.migrationgate.plan.SchemaChange.SetSearchPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Applies parsed changes to a {@link PlanState} with PostgreSQL's semantics, recording each object
 * created, changed or dropped under the key findings use ({@code userrole}, {@code users.created_at}).
 * A change PostgreSQL would refuse, or whose result depends on something the snapshot does not hold
 * (renaming a column or table it does not know), throws {@link UnsupportedStatementException}; a
 * column added to or retyped in a table the snapshot does not hold is recorded with its new type,
 * which the statement fully determines. Changes reach only the named table, not inheritance children.
 */
final class ChangeApplier {

    private final PlanState state;
    private final ScriptLocation at;

    private ChangeApplier(PlanState state, ScriptLocation at) {
        this.state = state;
        this.at = at;
    }

    /** Applies {@code changes}, in order, to {@code state}. */
    static void apply(PlanState state, List<SchemaChange> changes, ScriptLocation at) {
        ChangeApplier applier = new ChangeApplier(state, at);
        for (SchemaChange change : changes) {
            applier.apply(change);
        }
    }

    private void apply(SchemaChange change) {
        if (change instanceof CreateEnum c) {
            createEnum(c);
        } else if (change instanceof AddEnumLabel c) {
            addLabel(c);
        } else if (change instanceof RenameEnumLabel c) {
            renameLabel(c);
        } else if (change instanceof RenameType c) {
            renameType(c);
        } else if (change instanceof DropTypes c) {
            dropTypes(c);
        } else if (change instanceof CreateTable c) {
            createTable(c);
        } else if (change instanceof AddColumn c) {
            addColumn(c);
        } else if (change instanceof AlterColumnType c) {
            alterColumnType(c);
        } else if (change instanceof DropColumn c) {
            dropColumn(c);
        } else if (change instanceof RenameColumn c) {
            renameColumn(c);
        } else if (change instanceof RenameTable c) {
            renameTable(c);
        } else if (change instanceof DropTables c) {
            c.tables().forEach(this::dropTable);
        } else if (change instanceof SetSearchPath c) {
            state.setSearchPath(c.schemas());
        }
    }

    private void createEnum(CreateEnum change) {
        Key type = new Key(state.creationSchema(change.type()), change.type().name());
        if (state.labels(type) != null) {
            throw new UnsupportedStatementException("type " + type.name() + " already exists; PostgreSQL would refuse it");
        }
        if (new HashSet<>(change.labels()).size() != change.labels().size()) {
            throw new UnsupportedStatementException("enum " + type.name() + " repeats a label; PostgreSQL would refuse it");
        }
        state.putEnum(type, change.labels());
        state.recordChange(type, at);
    }

    private void addLabel(AddEnumLabel change) {
        Key type = knownEnum(change.type());
        List<String> labels = new ArrayList<>(state.labels(type));
        if (labels.contains(change.label())) {
            if (change.ifNotExists()) {
                return;
            }
            throw new UnsupportedStatementException("enum " + type.name() + " already has label '" + change.label()
                    + "'; PostgreSQL would refuse it");
        }
        if (change.neighbour() == null) {
            labels.add(change.label());
        } else {
            int neighbour = labels.indexOf(change.neighbour());
            if (neighbour < 0) {
                throw new UnsupportedStatementException("enum " + type.name() + " has no label '" + change.neighbour()
                        + "' to place '" + change.label() + "' next to");
            }
            labels.add(change.before() ? neighbour : neighbour + 1, change.label());
        }
        state.putEnum(type, labels);
        state.recordChange(type, at);
    }

    private void renameLabel(RenameEnumLabel change) {
        Key type = knownEnum(change.type());
        List<String> labels = new ArrayList<>(state.labels(type));
        int index = labels.indexOf(change.from());
        if (index < 0 || labels.contains(change.to())) {
            throw new UnsupportedStatementException("enum " + type.name() + (index < 0 ? " has no label '" + change.from()
                    : " already has label '" + change.to()) + "'; PostgreSQL would refuse the rename");
        }
        labels.set(index, change.to());
        state.putEnum(type, labels);
        state.recordChange(type, at);
    }

    private void renameType(RenameType change) {
        Optional<Key> enumType = state.findEnum(change.type());
        if (enumType.isPresent()) {
            Key old = enumType.get();
            Key renamed = new Key(old.schema(), change.newName());
            if (state.labels(renamed) != null) {
                throw new UnsupportedStatementException("type " + renamed.name() + " already exists; PostgreSQL would"
                        + " refuse the rename");
            }
            state.renameEnum(old, change.newName());
            state.recordChange(old, at);
            state.recordChange(renamed, at);
            updateColumns(usesType(old.schema(), old.name()), column -> TypeResolver.enumColumn(renamed, column.isArray(), state));
            return;
        }
        updateColumns(usesType(change.type().schema(), change.type().name()),
                column -> renamedType(column, change.newName()));
    }

    /** A column of a non-enum type renamed to {@code newName}, keeping its modifiers and array suffix. */
    private ColumnType renamedType(ColumnType column, String newName) {
        String oldName = PgIdentifiers.typeName(column.typeSchema(), column.elementTypeName(), state.visibleSchemas());
        String suffix = column.formatType().startsWith(oldName) ? column.formatType().substring(oldName.length())
                : column.isArray() ? "[]" : "";
        return new ColumnType(PgIdentifiers.typeName(column.typeSchema(), newName, state.visibleSchemas()) + suffix,
                column.typeSchema(), (column.isArray() ? "_" : "") + newName, false);
    }

    private void dropTypes(DropTypes change) {
        for (ObjectName name : change.types()) {
            Optional<Key> enumType = state.findEnum(name);
            String schema = enumType.map(Key::schema).orElse(name.schema());
            Predicate<ColumnType> dependent = usesType(schema, name.name());
            List<String> dependents = columnsWhere(dependent);
            if (!dependents.isEmpty() && !change.cascade()) {
                throw new UnsupportedStatementException("type " + name.name() + " is still used by "
                        + String.join(", ", dependents) + "; without CASCADE PostgreSQL would refuse the drop");
            }
            removeColumns(dependent);
            enumType.ifPresent(type -> {
                state.removeEnum(type);
                state.recordChange(type, at);
            });
        }
    }

    private void createTable(CreateTable change) {
        Key table = new Key(state.creationSchema(change.table()), change.table().name());
        if (state.columns(table) != null) {
            if (change.ifNotExists()) {
                return;
            }
            throw new UnsupportedStatementException("table " + table.name() + " already exists; PostgreSQL would refuse it");
        }
        Map<String, ColumnType> columns = state.createTable(table);
        for (ColumnDefinition column : change.columns()) {
            if (columns.containsKey(column.name())) {
                throw new UnsupportedStatementException("column " + column.name() + " is declared twice in table "
                        + table.name());
            }
            columns.put(column.name(), TypeResolver.resolve(column.type(), state));
            state.recordChange(table, column.name(), at);
        }
    }

    private void addColumn(AddColumn change) {
        Key table = state.findTable(change.table())
                .orElseGet(() -> new Key(state.creationSchema(change.table()), change.table().name()));
        Map<String, ColumnType> columns = state.createTable(table);
        String name = change.column().name();
        if (columns.containsKey(name)) {
            if (change.ifNotExists()) {
                return;
            }
            throw new UnsupportedStatementException("column " + table.name() + "." + name + " already exists;"
                    + " PostgreSQL would refuse it");
        }
        columns.put(name, TypeResolver.resolve(change.column().type(), state));
        state.recordChange(table, name, at);
    }

    private void alterColumnType(AlterColumnType change) {
        Key table = state.findTable(change.table())
                .orElseGet(() -> new Key(state.creationSchema(change.table()), change.table().name()));
        state.createTable(table).put(change.column(), TypeResolver.resolve(change.type(), state));
        state.recordChange(table, change.column(), at);
    }

    private void dropColumn(DropColumn change) {
        state.findTable(change.table()).ifPresent(table -> {
            if (state.columns(table).remove(change.column()) != null) {
                state.recordChange(table, change.column(), at);
            }
        });
    }

    private void renameColumn(RenameColumn change) {
        Key table = state.findTable(change.table()).filter(t -> state.columns(t).containsKey(change.from()))
                .orElseThrow(() -> new UnsupportedStatementException("column " + change.table().name() + "."
                        + change.from() + " is not in the catalog snapshot, so its type after the rename is unknown"));
        if (state.columns(table).containsKey(change.to())) {
            throw new UnsupportedStatementException("column " + table.name() + "." + change.to() + " already exists;"
                    + " PostgreSQL would refuse the rename");
        }
        state.renameColumn(table, change.from(), change.to());
        state.recordChange(table, change.from(), at);
        state.recordChange(table, change.to(), at);
    }

    private void renameTable(RenameTable change) {
        Key table = state.findTable(change.table()).orElseThrow(() -> new UnsupportedStatementException("table "
                + change.table().name() + " is not in the catalog snapshot, so its columns after the rename are unknown"));
        Key renamed = new Key(table.schema(), change.newName());
        if (state.columns(renamed) != null) {
            throw new UnsupportedStatementException("table " + renamed.name() + " already exists; PostgreSQL would"
                    + " refuse the rename");
        }
        for (String column : state.columns(table).keySet()) {
            state.recordChange(table, column, at);
            state.recordChange(renamed, column, at);
        }
        state.renameTable(table, change.newName());
    }

    private void dropTable(ObjectName name) {
        state.findTable(name).ifPresent(table -> {
            state.columns(table).keySet().forEach(column -> state.recordChange(table, column, at));
            state.removeTable(table);
        });
    }

    private Key knownEnum(ObjectName name) {
        return state.findEnum(name).orElseThrow(() -> new UnsupportedStatementException("type " + name.name()
                + " is not an enum type of the planned catalog"));
    }

    /** Columns of type {@code name} (or arrays of it) in {@code schema}, or in any schema when it is {@code null}. */
    private static Predicate<ColumnType> usesType(String schema, String name) {
        return column -> column.elementTypeName().equals(name) && (schema == null || schema.equals(column.typeSchema()))
                && !column.typeSchema().equals("pg_catalog");
    }

    private List<String> columnsWhere(Predicate<ColumnType> predicate) {
        List<String> matches = new ArrayList<>();
        for (Key table : state.tableKeys()) {
            state.columns(table).forEach((column, type) -> {
                if (predicate.test(type)) {
                    matches.add(table.name() + "." + column);
                }
            });
        }
        return matches;
    }

    private void updateColumns(Predicate<ColumnType> predicate, UnaryOperator<ColumnType> update) {
        for (Key table : state.tableKeys()) {
            state.columns(table).replaceAll((column, type) -> {
                if (!predicate.test(type)) {
                    return type;
                }
                state.recordChange(table, column, at);
                return update.apply(type);
            });
        }
    }

    private void removeColumns(Predicate<ColumnType> predicate) {
        for (Key table : state.tableKeys()) {
            state.columns(table).entrySet().removeIf(entry -> {
                if (predicate.test(entry.getValue())) {
                    state.recordChange(table, entry.getKey(), at);
                    return true;
                }
                return false;
            });
        }
    }
}
