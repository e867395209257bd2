-- A repeatable migration as the previous release applied it.
COMMENT ON TYPE userrole IS 'Roles, persisted by their lower-case value';
