package dev.migrationgate.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogAssemblerTest {

    @Test
    void ordersColumnsBySchemaTableAndPositionWhateverOrderTheRowsCameIn() {
        CatalogAssembler assembler = new CatalogAssembler();
        assembler.accept(CatalogQuery.EXTENSIONS, new Row(Map.of("session_time_zone", "UTC")));
        for (String[] column : List.of(new String[] {"public", "users", "email", "2"},
                new String[] {"audit", "users", "id", "1"}, new String[] {"public", "orders", "total", "10"},
                new String[] {"public", "users", "id", "1"}, new String[] {"public", "orders", "id", "9"})) {
            assembler.accept(CatalogQuery.COLUMNS, new Row(Map.of("table_schema", column[0], "table_name", column[1],
                    "column_name", column[2], "column_position", column[3], "format_type", "text")));
        }

        List<String> columns = assembler.snapshot(MigrationHistory.empty()).columns().stream()
                .map(c -> c.schema() + "." + c.qualifiedName()).toList();

        assertEquals(List.of("audit.users.id", "public.orders.id", "public.orders.total", "public.users.id",
                "public.users.email"), columns);
    }

    /** A row of named text values; absent columns read as SQL NULL. */
    private record Row(Map<String, String> values) implements CatalogRow {

        @Override
        public String text(String column) {
            return values.get(column);
        }

        @Override
        public int integer(String column) {
            return values.containsKey(column) ? Integer.parseInt(values.get(column)) : 0;
        }

        @Override
        public boolean flag(String column) {
            return Boolean.parseBoolean(values.get(column));
        }

        @Override
        public List<String> texts(String column) {
            return List.of();
        }
    }
}
