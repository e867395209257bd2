CREATE OR REPLACE VIEW widget_ids AS SELECT id, id * 2 AS doubled FROM widgets;
