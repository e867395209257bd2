-- The repeatable migration of repeatable-v1 as a newer release changed it (harmless).
COMMENT ON TYPE userrole IS 'Roles, persisted by their lower-case value (newer release)';
