-- A harmless first migration: the run's first reading of what the server offers happens before it.
COMMENT ON TABLE users IS 'Accounts of the IAM dashboard';
