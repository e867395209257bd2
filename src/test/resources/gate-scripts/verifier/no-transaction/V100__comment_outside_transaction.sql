-- Declared non-transactional in its script configuration (V100__comment_outside_transaction.sql.conf).
COMMENT ON TABLE users IS 'Accounts of the IAM dashboard';
