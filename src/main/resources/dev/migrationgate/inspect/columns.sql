-- Columns of the requested tables, one row per column, unordered: the inspector orders them by schema,
-- table and column_position (sorting here, on names, cost more than the whole look-up at 10,000 columns).
-- Parameter $1: text[] of table names, as Hibernate's session names them: schema.table (folded) resolves
-- in that schema; an unqualified name as it would in the application's session, to the relation
-- visible on the search path. Relations are tables, partitioned tables, views, materialized views and
-- foreign tables; dropped and system columns are left out. The names are matched as IN (SELECT unnest(…)),
-- which PostgreSQL runs as a hashed subplan: at 1,000 names, = ANY under the OR below was a linear scan of
-- the array per candidate row and a fifth of the query's server time.
--   table_schema, table_name, column_name  the column
--   column_position                        its attnum: its position in the table
--   format_type                            format_type(atttypid, atttypmod), e.g. timestamp(3) without time zone
--   type_schema, type_name                 the column's type (an array type is named _element, a domain by itself)
--   enum_type                              whether that type is an enum type (typtype 'e')
SELECT n.nspname::text AS table_schema,
       c.relname::text AS table_name,
       a.attname::text AS column_name,
       a.attnum AS column_position,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS format_type,
       tn.nspname::text AS type_schema,
       t.typname::text AS type_name,
       t.typtype = 'e' AS enum_type
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
WHERE ((c.relname IN (SELECT pg_catalog.unnest($1::text[])) AND pg_catalog.pg_table_is_visible(c.oid))
       OR n.nspname || '.' || c.relname IN (SELECT pg_catalog.unnest($1::text[])))
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND a.attnum > 0
  AND NOT a.attisdropped
