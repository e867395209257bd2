-- A release written the way pg_dump writes, with an empty search_path, that turns a LocalDateTime column into
-- timestamp with time zone: the mapping needs timestamp without time zone.
SELECT pg_catalog.set_config('search_path', '', false);
ALTER TABLE public.users ALTER COLUMN created_at TYPE timestamp with time zone;
