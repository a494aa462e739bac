#!/bin/sh
# A PostgreSQL primary and a streaming hot standby of it, on this machine, for the benchmarks
# of "Deploying at scale" (README): the replica router (conference/replica.py) against a real
# replica, with its lag. Leaves the machine's own PostgreSQL (5432) alone.
#
#   bench/replica_cluster.sh start    # creates the clusters on first use, then starts both
#   bench/replica_cluster.sh status   # both servers, the standby's lag, the URLs to use
#   bench/replica_cluster.sh stop
#   bench/replica_cluster.sh destroy  # stops both and deletes their data
#
# Primary on 127.0.0.1:$PRIMARY_PORT (5435), standby on $STANDBY_PORT (5436), data under
# $ROOT_DIR (/var/tmp/conf-replica). Debian's PostgreSQL 15 binaries, run as the `postgres` OS
# user (initdb refuses root). Trust authentication on loopback only: a bench, not a deployment.
set -eu

BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
ROOT_DIR=${ROOT_DIR:-/var/tmp/conf-replica}
PRIMARY_PORT=${PRIMARY_PORT:-5435}
STANDBY_PORT=${STANDBY_PORT:-5436}
DATABASE=${DATABASE:-conf_large}
PRIMARY=$ROOT_DIR/primary
STANDBY=$ROOT_DIR/standby

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

create_primary() {
    mkdir -p "$ROOT_DIR"
    chown postgres:postgres "$ROOT_DIR"
    as_postgres "$BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$ROOT_DIR/initdb.log"
    cat >>"$PRIMARY/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$ROOT_DIR'
wal_level = replica
max_wal_senders = 4
wal_keep_size = '1GB'
hot_standby = on
shared_buffers = '256MB'
CONF
    # initdb's pg_hba.conf already trusts replication from loopback; say so explicitly.
    echo "host replication postgres 127.0.0.1/32 trust" >>"$PRIMARY/pg_hba.conf"
}

create_standby() {
    # -R writes standby.signal and primary_conninfo: the copy follows the primary's WAL.
    as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$STANDBY" \
        -R -X stream -c fast
    as_postgres sh -c "echo 'port = $STANDBY_PORT' >>'$STANDBY/postgresql.auto.conf'"
}

pg_ctl() { # pg_ctl DATADIR start|stop
    as_postgres "$BIN/pg_ctl" -D "$1" -l "$1.log" -w "$2" ${3:+-m "$3"} >/dev/null
}

running() { as_postgres "$BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

urls() {
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DATABASE"
    echo "DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$STANDBY_PORT/$DATABASE"
}

psql_at() { "$BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atc "$2"; }

case "${1:-status}" in
start)
    [ -d "$PRIMARY" ] || create_primary
    running "$PRIMARY" || pg_ctl "$PRIMARY" start
    [ -d "$STANDBY" ] || create_standby
    running "$STANDBY" || pg_ctl "$STANDBY" start
    urls
    ;;
stop)
    running "$STANDBY" && pg_ctl "$STANDBY" stop fast
    running "$PRIMARY" && pg_ctl "$PRIMARY" stop fast
    true
    ;;
status)
    for dir in "$PRIMARY" "$STANDBY"; do
        if running "$dir"; then echo "$(basename "$dir"): running"; else echo "$(basename "$dir"): stopped"; fi
    done
    if running "$PRIMARY" && running "$STANDBY"; then
        echo "standby in recovery: $(psql_at "$STANDBY_PORT" 'SELECT pg_is_in_recovery()')"
        echo "replication (state, replay lag): $(psql_at "$PRIMARY_PORT" \
            "SELECT state, coalesce(replay_lag::text, '0') FROM pg_stat_replication")"
        urls
    fi
    ;;
destroy)
    "$0" stop
    rm -rf "$ROOT_DIR"
    ;;
*)
    echo "usage: $0 start|stop|status|destroy" >&2
    exit 2
    ;;
esac
