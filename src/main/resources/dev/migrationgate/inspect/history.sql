-- A fingerprint of Flyway's history table, one row: whatever Flyway derives the migrations' states and
-- validation errors from, digested on the server so that the client reads a constant amount whatever
-- the number of migrations. {history_table} is replaced by the configured table, schema-qualified.
--   history_rows       count(*)
--   history_max_rank   max(installed_rank), 0 for an empty table
--   history_digest     md5 of every row's (installed_rank, version, description, type, script, checksum,
--                      success) in installed_rank order
SELECT count(*)::int AS history_rows,
       coalesce(max(h.installed_rank), 0) AS history_max_rank,
       md5(coalesce(string_agg(ROW(h.installed_rank, h.version, h.description, h.type, h.script, h.checksum,
                                   h.success)::text, E'\n' ORDER BY h.installed_rank), '')) AS history_digest
FROM {history_table} h
