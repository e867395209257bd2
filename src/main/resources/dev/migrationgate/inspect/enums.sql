-- Enum types of the database, one row per type ordered by schema and name:
--   type_schema, type_name  the type
--   labels                  its labels as text[] in enumsortorder (empty for a type without labels)
-- Types that belong to an extension (pg_depend deptype 'e') are left out: the extension owns them.
SELECT n.nspname::text AS type_schema,
       t.typname::text AS type_name,
       coalesce(array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FILTER (WHERE e.oid IS NOT NULL),
                '{}'::text[]) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE t.typtype = 'e'
  AND NOT EXISTS (
      SELECT 1
      FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_type'::regclass
        AND d.objid = t.oid
        AND d.deptype = 'e')
GROUP BY n.nspname, t.typname
ORDER BY n.nspname, t.typname
