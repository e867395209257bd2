-- Extensions the server offers (pg_available_extensions) or the database has (pg_extension), full outer
-- joined so that a created extension whose package is gone from the server still shows; one row per
-- extension ordered by name:
--   extension_name
--   default_version     the version CREATE EXTENSION would install; NULL when the server has no package
--   installed_version   the created version in this database; NULL when not created
--   extension_schema    the schema the created extension lives in; NULL when not created
--   superuser_required  pg_available_extension_versions.superuser of the default version (true when unknown)
--   trusted             pg_available_extension_versions.trusted of the default version (false when unknown)
-- Every row also carries the settings of the inspecting session; should there be no extension at all,
-- one row carries only those:
--   session_time_zone   current_setting('TimeZone')
--   default_time_zone   pg_settings.reset_val of TimeZone: what RESET restores (client, role, database or server setting)
--   search_path         current_schemas(true) as text[]
--   role_name           current_user
--   role_superuser      pg_roles.rolsuper of current_user
WITH settings AS (
    SELECT pg_catalog.current_setting('TimeZone') AS session_time_zone,
           (SELECT s.reset_val FROM pg_catalog.pg_settings s WHERE s.name = 'TimeZone') AS default_time_zone,
           pg_catalog.current_schemas(true)::text[] AS search_path,
           current_user::text AS role_name,
           (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AS role_superuser
), extensions AS (
    SELECT coalesce(av.name, x.extname)::text AS extension_name,
           av.default_version,
           x.extversion AS installed_version,
           xn.nspname::text AS extension_schema,
           coalesce(v.superuser, true) AS superuser_required,
           coalesce(v.trusted, false) AS trusted
    FROM pg_catalog.pg_available_extensions av
    FULL JOIN pg_catalog.pg_extension x ON x.extname = av.name
    LEFT JOIN pg_catalog.pg_namespace xn ON xn.oid = x.extnamespace
    LEFT JOIN pg_catalog.pg_available_extension_versions v
           ON v.name = av.name AND v.version = av.default_version
)
SELECT settings.*, extensions.*
FROM settings
LEFT JOIN extensions ON true
ORDER BY extensions.extension_name
