-- A harmless release written the way pg_dump writes: the rest of the session runs with an empty search_path.
SELECT pg_catalog.set_config('search_path', '', false);
ALTER TABLE public.users ADD COLUMN nickname varchar(100);
