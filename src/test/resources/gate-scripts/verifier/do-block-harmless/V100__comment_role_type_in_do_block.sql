-- A harmless migration the static planner cannot read: procedural code in a DO block.
DO $$
BEGIN
    COMMENT ON TYPE userrole IS 'Roles, persisted by their lower-case value';
END
$$;
