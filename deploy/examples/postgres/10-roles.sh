#!/usr/bin/env bash
# First start of the example server (docker-entrypoint-initdb.d): the migration and application
# roles from the Secrets' credentials, then the vector extension, which is not trusted and so
# only a superuser may create; the gate then finds it installed.
set -euo pipefail
db=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB")
"${db[@]}" \
  -v migrator="$MIGRATOR_USERNAME" -v migrator_password="$MIGRATOR_PASSWORD" \
  -v app="$APP_USERNAME" -v app_password="$APP_PASSWORD" \
  -f "${ROLES_SQL:-/etc/migration-gate/roles.sql}"
"${db[@]}" -c 'CREATE EXTENSION IF NOT EXISTS vector'
