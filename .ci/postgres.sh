#!/usr/bin/env bash
# Installs and starts a local PostgreSQL for the postgres store's tests and
# prints the DSN to export as ONRECORD_TEST_POSTGRES. Meant for CI (root,
# Debian); progress goes to stderr so that stdout is the DSN alone:
#   export ONRECORD_TEST_POSTGRES="$(bash .ci/postgres.sh)"
set -euo pipefail

DB=onrecord_test
USER_=onrecord
PASS=onrecord
PORT=5432

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
	log "installing postgresql"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update >&2
	apt-get install -y postgresql >&2
fi

# The newest installed version; Debian creates a "main" cluster on install,
# but a machine may have lost it, so create it when absent.
VER=$(ls /usr/lib/postgresql | sort -V | tail -n1)
if ! pg_lsclusters -h | awk -v v="$VER" '$1 == v && $2 == "main"' | grep -q .; then
	log "creating cluster $VER/main"
	pg_createcluster "$VER" main >&2
fi
PORT=$(pg_lsclusters -h | awk -v v="$VER" '$1 == v && $2 == "main" {print $3}')
if ! pg_lsclusters -h | awk -v v="$VER" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
	log "starting cluster $VER/main on port $PORT"
	pg_ctlcluster "$VER" main start >&2
fi

for _ in $(seq 1 30); do
	if su postgres -c "pg_isready -q -p $PORT"; then break; fi
	sleep 1
done
su postgres -c "pg_isready -p $PORT" >&2

psql_() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PORT -tAc \"$1\""; }
if [ "$(psql_ "SELECT 1 FROM pg_roles WHERE rolname='$USER_'")" != 1 ]; then
	log "creating role $USER_"
	psql_ "CREATE ROLE $USER_ LOGIN PASSWORD '$PASS'" >&2
fi
if [ "$(psql_ "SELECT 1 FROM pg_database WHERE datname='$DB'")" != 1 ]; then
	log "creating database $DB"
	psql_ "CREATE DATABASE $DB OWNER $USER_" >&2
fi

echo "postgres://$USER_:$PASS@127.0.0.1:$PORT/$DB?sslmode=disable"
