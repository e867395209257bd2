-- The extensions created in this database (pg_extension only: unlike extensions.sql it leaves out
-- pg_available_extensions, which reads every control file on the server's disk), one row per extension
-- ordered by name, with the same columns as extensions.sql; what the server offers is NULL here:
--   extension_name, installed_version, extension_schema   the created extension
--   default_version (NULL), superuser_required (true), trusted (false)
-- Every row also carries the settings of the inspecting session, as in extensions.sql; should no
-- extension exist, one row carries only those.
-- Parameter $1: default_time_zone as an earlier reading on this same session found it, or NULL to read it
-- here: pg_settings builds every setting of the server (about 1 ms), and a session's reset value does
-- not change while it runs transactions (ALTER ROLE/DATABASE … SET apply to new sessions).
WITH settings AS (
    SELECT pg_catalog.current_setting('TimeZone') AS session_time_zone,
           coalesce($1::text,
                    (SELECT s.reset_val FROM pg_catalog.pg_settings s WHERE s.name = 'TimeZone')) AS default_time_zone,
           pg_catalog.current_schemas(true)::text[] AS search_path,
           current_user::text AS role_name,
           (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AS role_superuser
), extensions AS (
    SELECT x.extname::text AS extension_name,
           NULL::text AS default_version,
           x.extversion AS installed_version,
           xn.nspname::text AS extension_schema,
           true AS superuser_required,
           false AS trusted
    FROM pg_catalog.pg_extension x
    LEFT JOIN pg_catalog.pg_namespace xn ON xn.oid = x.extnamespace
)
SELECT settings.*, extensions.*
FROM settings
LEFT JOIN extensions ON true
ORDER BY extensions.extension_name
