-- The same repeatable migration, edited in the new release: Flyway applies it again (OUTDATED).
COMMENT ON TYPE userrole IS 'Roles, persisted by their lower-case value';
ALTER TYPE userrole RENAME VALUE 'sysadmin' TO 'SYSADMIN';
