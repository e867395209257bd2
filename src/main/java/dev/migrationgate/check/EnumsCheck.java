package dev.migrationgate.check;

import dev.migrationgate.expect.EnumExpectation;
import dev.migrationgate.expect.EnumStorage;
import dev.migrationgate.expect.Expectations;
import dev.migrationgate.inspect.CatalogSnapshot;
import dev.migrationgate.inspect.PgColumn;
import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Mapped enum attributes against their columns and the PostgreSQL enum types behind them.
 * <p>
 * <b>Problem:</b> Java persists values ({@code admin}) where a migration created the constant names
 * ({@code ADMIN}); a type lacks a value Java writes (inserts fail) or has one Java cannot read back
 * (reads fail); the type is missing, or the column has another type than the mapping binds; the type
 * orders its labels differently from Java, so {@code ORDER BY} disagrees with Java's order.
 * <p>
 * <b>Expected:</b> a {@code NAMED_ENUM} column has the named enum type; a {@code STRING} column is a
 * character type long enough for every label, or an enum type; an {@code ORDINAL} column is an integer
 * type; every enum type a mapping touches (the column's own and the one the mapping names) has exactly
 * Java's labels, in Java's order.
 * <p>
 * <b>Repair:</b> {@code CREATE TYPE ... AS ENUM (...)} from Java's labels; {@code ALTER TYPE ... RENAME
 * VALUE} per label differing only by case (one finding, not a missing plus an unmapped label);
 * {@code ALTER TYPE ... ADD VALUE IF NOT EXISTS ... BEFORE/AFTER ...} keeping Java's order, anchored on
 * Java's spelling of the neighbouring labels (the renames come first in a report); a conversion of a
 * character or enum column to the named type that keeps the column default; widening of a too-short
 * character column. Removing a label, reordering a type and converting integers or other types to
 * labels are described only: they need a decision about existing rows.
 * <p>
 * Findings about a type ({@code ENUM_TYPE_MISSING}, label and order findings) are reported once per
 * type, the object being the type name, however many columns share it; findings about a column name
 * {@code table.column}. A mapped column absent from the database (or its whole table) is an
 * {@code ENUM_COLUMN_TYPE_MISMATCH} with the actual {@code column missing} or {@code table missing}:
 * the mapping requires a column of a given type and the database has none, which is the column-level
 * code's meaning; the missing table or column itself is the migrations' job, so there is no fix.
 */
public final class EnumsCheck implements Check {

    private static final Set<String> CHARACTER_TYPES = Set.of("varchar", "text", "bpchar", "citext");
    private static final Set<String> INTEGER_TYPES = Set.of("int2", "int4", "int8");
    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)\\)");

    @Override
    public List<Finding> check(Expectations expectations, CatalogSnapshot snapshot) {
        Columns columns = Columns.of(snapshot);
        Map<String, List<PgEnumType>> types = snapshot.enumTypes().stream()
                .collect(Collectors.groupingBy(PgEnumType::name, LinkedHashMap::new, Collectors.toList()));
        Set<Finding> findings = new LinkedHashSet<>();
        Map<String, Map<List<String>, Set<String>>> missingTypes = new LinkedHashMap<>();
        Map<PgEnumType, Map<List<String>, Set<String>>> usedTypes = new LinkedHashMap<>();
        for (EnumExpectation expectation : expectations.enums()) {
            Optional<PgColumn> column = columns.find(expectation.table(), expectation.column());
            Optional<PgEnumType> named = namedType(expectation, column, types, columns);
            if (expectation.storage() == EnumStorage.NAMED_ENUM && expectation.enumType().isPresent()
                    && named.isEmpty()) {
                use(missingTypes, expectation.enumType().get(), expectation);
            }
            columnFinding(expectation, column, named, columns).ifPresent(findings::add);
            if (expectation.storage() != EnumStorage.ORDINAL) {
                column.filter(PgColumn::enumType)
                        .flatMap(c -> type(types, c.typeSchema(), c.typeName()))
                        .ifPresent(type -> use(usedTypes, type, expectation));
                named.ifPresent(type -> use(usedTypes, type, expectation));
            }
        }
        missingTypes.forEach((name, usages) -> usages.forEach(
                (labels, usedBy) -> findings.add(typeMissing(name, labels, List.copyOf(usedBy)))));
        usedTypes.forEach((type, usages) -> usages.forEach(
                (labels, usedBy) -> findings.addAll(EnumLabels.compare(type, columns.objectName(type.schema(), type.name()), labels,
                        List.copyOf(usedBy)))));
        return List.copyOf(findings);
    }

    private static <K> void use(Map<K, Map<List<String>, Set<String>>> uses, K key, EnumExpectation expectation) {
        uses.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(expectation.labels(), l -> new LinkedHashSet<>())
                .add(expectation.qualifiedColumn());
    }

    private static Optional<PgEnumType> namedType(EnumExpectation expectation, Optional<PgColumn> column,
            Map<String, List<PgEnumType>> types, Columns columns) {
        if (expectation.storage() != EnumStorage.NAMED_ENUM || expectation.enumType().isEmpty()) {
            return Optional.empty();
        }
        String tableSchema = column.map(PgColumn::schema).orElse(null);
        PgEnumType nearest = null;
        int nearestRank = Integer.MAX_VALUE;
        for (PgEnumType type : types.getOrDefault(expectation.enumType().get(), List.of())) {
            int rank = Objects.equals(type.schema(), tableSchema) ? -1 : columns.rank(type.schema());
            if (nearest == null || rank < nearestRank) {
                nearest = type;
                nearestRank = rank;
            }
        }
        return Optional.ofNullable(nearest);
    }

    private static Optional<PgEnumType> type(Map<String, List<PgEnumType>> types, String schema, String name) {
        for (PgEnumType type : types.getOrDefault(name, List.of())) {
            if (Objects.equals(type.schema(), schema)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static Optional<Finding> columnFinding(EnumExpectation expectation, Optional<PgColumn> found,
            Optional<PgEnumType> named, Columns columns) {
        String expected = expectedType(expectation);
        if (found.isEmpty()) {
            String absence = columns.absence(expectation.table());
            String what = absence.startsWith("table") ? "table " + expectation.table() : "column";
            return Optional.of(mismatch(expectation, expected, absence, what + " does not exist: the migrations must"
                    + " create it with " + expected + ".", null));
        }
        PgColumn column = found.get();
        return switch (expectation.storage()) {
            case NAMED_ENUM -> namedEnumColumn(expectation, column, named, expected);
            case STRING -> stringColumn(expectation, column, expected);
            case ORDINAL -> INTEGER_TYPES.contains(column.typeName()) ? Optional.empty()
                    : Optional.of(mismatch(expectation, expected, column.formatType(), "column is "
                            + column.formatType() + " but the mapping stores ordinals: convert it in a migration that"
                            + " maps each stored value to its ordinal explicitly.", null));
        };
    }

    private static Optional<Finding> namedEnumColumn(EnumExpectation expectation, PgColumn column,
            Optional<PgEnumType> named, String expected) {
        Optional<String> required = expectation.enumType();
        if (column.enumType() && required.map(column.typeName()::equals).orElse(true)) {
            return Optional.empty();
        }
        boolean convertible = required.isPresent() && (column.enumType() || CHARACTER_TYPES.contains(column.typeName()));
        if (!convertible) {
            return Optional.of(mismatch(expectation, expected, column.formatType(), "column is " + column.formatType()
                    + " but the mapping binds " + expected + ": convert it in a migration that maps each stored value"
                    + " to its label explicitly (USING CASE ... END).", null));
        }
        String target = named.map(t -> Sql.qualified(t.schema(), t.name())).orElse(Sql.identifier(required.get()));
        return Optional.of(mismatch(expectation, expected, column.formatType(), "column is " + column.formatType()
                + " but the mapping binds " + expected + ": the fix converts it, keeping its default, and fails without"
                + " changing anything if a stored value is not a label of " + required.get() + ".",
                convertToEnum(column, target)));
    }

    private static Optional<Finding> stringColumn(EnumExpectation expectation, PgColumn column, String expected) {
        if (column.enumType()) {
            return Optional.empty();
        }
        if (!CHARACTER_TYPES.contains(column.typeName())) {
            return Optional.of(mismatch(expectation, expected, column.formatType(), "column is " + column.formatType()
                    + " but the mapping stores the labels as text: convert it in a migration that maps each stored"
                    + " value to its label explicitly (USING CASE ... END).", null));
        }
        int longest = expectation.labels().stream().mapToInt(l -> l.codePointCount(0, l.length())).max().orElse(0);
        Matcher length = LENGTH.matcher(column.formatType());
        if (!length.find()) {
            return Optional.empty();
        }
        int declared = Integer.parseInt(length.group(1));
        boolean padded = column.typeName().equals("bpchar")
                && expectation.labels().stream().anyMatch(l -> l.codePointCount(0, l.length()) != declared);
        if (declared >= longest && !padded) {
            return Optional.empty();
        }
        int width = Math.max(declared, longest);
        String problem = padded ? "pads shorter labels with spaces, which Java cannot read back"
                : "is too short for the longest label (" + longest + " characters)";
        return Optional.of(mismatch(expectation, "a character type holding " + longest + " characters, or an enum type",
                column.formatType(), "column " + problem + ".",
                "ALTER TABLE " + Sql.qualified(column.schema(), column.table()) + " ALTER COLUMN "
                        + Sql.identifier(column.column()) + " TYPE character varying(" + width + ");"));
    }

    private static String convertToEnum(PgColumn column, String targetType) {
        String table = Sql.qualified(column.schema(), column.table());
        String name = Sql.identifier(column.column());
        String alter = "ALTER TABLE " + table + " ALTER COLUMN " + name;
        return "DO " + Sql.dollarQuoted("DECLARE\n"
                + "    column_default text;\n"
                + "BEGIN\n"
                + "    SELECT pg_get_expr(d.adbin, d.adrelid) INTO column_default FROM pg_attrdef d\n"
                + "        JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum\n"
                + "        WHERE a.attrelid = " + Sql.literal(table) + "::regclass AND a.attname = "
                + Sql.literal(column.column()) + ";\n"
                + "    " + alter + " DROP DEFAULT;\n"
                + "    " + alter + " TYPE " + targetType + " USING " + name + "::text::" + targetType + ";\n"
                + "    IF column_default IS NOT NULL THEN\n"
                + "        EXECUTE " + Sql.literal(alter + " SET DEFAULT (") + " || column_default || "
                + Sql.literal(")::text::" + targetType) + ";\n"
                + "    END IF;\n"
                + "END") + ";";
    }

    private static Finding typeMissing(String name, List<String> labels, List<String> usedBy) {
        return Finding.of(FindingCode.ENUM_TYPE_MISSING, name, "enum type " + name + " (" + Sql.literals(labels) + ")",
                "type missing",
                "Enum type \"" + name + "\" does not exist; " + String.join(", ", usedBy) + " need" + (usedBy.size() == 1 ? "s" : "")
                        + " it with the labels Java persists.",
                "CREATE TYPE " + Sql.identifier(name) + " AS ENUM (" + Sql.literals(labels) + ");");
    }

    private static Finding mismatch(EnumExpectation expectation, String expected, String actual, String problem,
            String fix) {
        return Finding.of(FindingCode.ENUM_COLUMN_TYPE_MISMATCH, expectation.qualifiedColumn(), expected, actual,
                expectation.qualifiedColumn() + " (" + expectation.entity() + "." + expectation.attribute() + ", "
                        + expectation.javaType() + "): " + problem,
                fix);
    }

    private static String expectedType(EnumExpectation expectation) {
        return switch (expectation.storage()) {
            case NAMED_ENUM -> expectation.enumType().map(t -> "enum type " + t).orElse("an enum type");
            case STRING -> "a character type or an enum type";
            case ORDINAL -> "an integer type (smallint, integer or bigint)";
        };
    }
}
