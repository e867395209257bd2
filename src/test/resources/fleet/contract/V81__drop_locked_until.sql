-- A later release's contract step: drops a column release N still maps (User.lockedUntil).
ALTER TABLE users DROP COLUMN locked_until;
