package dev.migrationgate.check;

import dev.migrationgate.inspect.PgEnumType;
import dev.migrationgate.report.Finding;
import dev.migrationgate.report.FindingCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares one enum type's labels with the labels Java persists into it, for {@link EnumsCheck}: a
 * label differing only by case is a rename, never also a missing and an unmapped label; the order is
 * compared on the labels both sides share, renames applied.
 */
final class EnumLabels {

    private EnumLabels() {
    }

    /**
     * The label findings of {@code type} against the labels Java persists into it.
     *
     * @param object the type as findings name it ({@code userrole}, {@code org.teamkind})
     * @param usedBy the columns with these labels stored in the type, named in the messages
     */
    static List<Finding> compare(PgEnumType type, String object, List<String> java, List<String> usedBy) {
        List<String> db = type.labels();
        String name = object;
        String typeSql = Sql.qualified(type.schema(), type.name());
        String expected = Sql.literals(java);
        String actual = Sql.literals(db);
        String columns = " (" + String.join(", ", usedBy) + ")";

        Set<String> known = new LinkedHashSet<>(java.stream().filter(db::contains).toList());
        List<String> unmapped = new ArrayList<>(db.stream().filter(label -> !java.contains(label)).toList());
        Map<String, String> renames = new LinkedHashMap<>();
        for (String label : java) {
            if (!known.contains(label)) {
                unmapped.stream().filter(label::equalsIgnoreCase).findFirst().ifPresent(dbLabel -> {
                    renames.put(dbLabel, label);
                    unmapped.remove(dbLabel);
                    known.add(label);
                });
            }
        }
        List<String> missing = java.stream().filter(label -> !known.contains(label)).toList();

        List<Finding> findings = new ArrayList<>();
        if (!renames.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            List<String> statements = new ArrayList<>();
            renames.forEach((from, to) -> {
                pairs.add(Sql.literal(from) + " -> " + Sql.literal(to));
                statements.add("ALTER TYPE " + typeSql + " RENAME VALUE " + Sql.literal(from) + " TO " + Sql.literal(to) + ";");
            });
            findings.add(Finding.of(FindingCode.ENUM_CASE_MISMATCH, name, expected, actual,
                    "Enum type \"" + name + "\"" + columns + " holds labels that differ from the values Java persists"
                            + " only by case (constant names stored instead of values): " + String.join(", ", pairs) + ".",
                    String.join("\n", statements)));
        }
        if (!missing.isEmpty()) {
            findings.add(Finding.of(FindingCode.ENUM_LABEL_MISSING, name, expected, actual,
                    "Java writes " + Sql.literals(missing) + " but enum type \"" + name + "\"" + columns
                            + " lacks " + (missing.size() == 1 ? "it" : "them") + ": inserts and updates fail with"
                            + " invalid input value for enum " + name + "."
                            + (renames.isEmpty() ? "" : " The fix names labels as Java spells them: run it after the"
                                    + " " + FindingCode.ENUM_CASE_MISMATCH + " renames."),
                    String.join("\n", addValues(typeSql, java, missing, known))));
        }
        if (!unmapped.isEmpty()) {
            findings.add(Finding.of(FindingCode.ENUM_LABEL_UNMAPPED, name, expected, actual,
                    "Enum type \"" + name + "\"" + columns + " has " + Sql.literals(unmapped) + ", which Java cannot"
                            + " read back: loading a row holding " + (unmapped.size() == 1 ? "it" : "one") + " fails."
                            + " Removing a label is destructive and needs a decision about those rows: move them to a"
                            + " label Java knows (UPDATE ... SET ... WHERE ... = " + Sql.literal(unmapped.get(0))
                            + "), then recreate the type without it (CREATE TYPE with Java's labels, ALTER each column"
                            + " TYPE ... USING ...::text::..., DROP TYPE, ALTER TYPE ... RENAME TO " + type.name()
                            + "); or add the value to the Java enum.",
                    null));
        }
        List<String> javaOrder = java.stream().filter(known::contains).toList();
        List<String> dbOrder = db.stream().map(label -> renames.getOrDefault(label, label))
                .filter(known::contains).toList();
        if (!javaOrder.equals(dbOrder)) {
            findings.add(Finding.of(FindingCode.ENUM_ORDER_DIFFERS, name, expected, actual,
                    "Enum type \"" + name + "\"" + columns + " orders its labels " + Sql.literals(dbOrder)
                            + " where Java declares " + Sql.literals(javaOrder) + ": ORDER BY and comparisons on the"
                            + " column follow the type's order. PostgreSQL cannot reorder labels in place: if the order"
                            + " matters, recreate the type in Java's order in a migration (CREATE TYPE, ALTER each"
                            + " column TYPE ... USING ...::text::..., DROP TYPE, RENAME).",
                    null));
        }
        return findings;
    }

    /**
     * One {@code ADD VALUE} per missing label, in Java's order, placed after the nearest earlier Java
     * label that exists by then (or before the nearest later one that exists now), spelled as Java spells
     * it: the case renames, listed first in a report, have run by then.
     */
    private static List<String> addValues(String typeSql, List<String> java, List<String> missing,
            Set<String> known) {
        Set<String> present = new HashSet<>(known);
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < java.size(); i++) {
            String label = java.get(i);
            if (!missing.contains(label)) {
                continue;
            }
            String position = "";
            for (int k = i - 1; k >= 0 && position.isEmpty(); k--) {
                if (present.contains(java.get(k))) {
                    position = " AFTER " + Sql.literal(java.get(k));
                }
            }
            for (int k = i + 1; k < java.size() && position.isEmpty(); k++) {
                if (known.contains(java.get(k))) {
                    position = " BEFORE " + Sql.literal(java.get(k));
                }
            }
            statements.add("ALTER TYPE " + typeSql + " ADD VALUE IF NOT EXISTS " + Sql.literal(label) + position + ";");
            present.add(label);
        }
        return statements;
    }
}
