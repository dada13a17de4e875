#!/usr/bin/env bash
# The embedded PostgreSQL 15 + pgvector cluster SkillsMatch runs on by default.
#
#   scripts/postgres.sh ensure [--cluster NAME] [--database DB]   install if missing, init, start, create DB, print connection string
#   scripts/postgres.sh start|stop|status [--cluster NAME]
#   scripts/postgres.sh connection-string|create-database|drop-database [--cluster NAME] [--database DB]
#   scripts/postgres.sh kill [--cluster NAME]                       stop at once, as a crash would (immediate shutdown, keeper killed)
#
# Streaming replication and failover (docs/scale.md), all on 127.0.0.1:
#   scripts/postgres.sh replicas [--cluster NAME] [--standbys N] [--database DB]
#       the primary NAME and N hot standbys NAME-s1..NAME-sN (pg_basebackup -R, streaming, synchronous to ANY 1 of
#       them when N >= 2); prints the writers' connection string, then the readers' (standbys, load-balanced)
#   scripts/postgres.sh stop-replicas [--cluster NAME] [--standbys N]
#   scripts/postgres.sh formation [--cluster NAME] [--database DB]
#       a pg_auto_failover formation (Debian's postgresql-15-auto-failover, installed on first use): monitor
#       NAME-monitor, nodes NAME-n1 (primary) and NAME-n2 (synchronous secondary); prints a connection string
#       that follows the primary (Target Session Attributes=primary)
#   scripts/postgres.sh formation-state|formation-stop [--cluster NAME]
#
# Clusters live in .pg/<NAME>/ (git-ignored). "run" (port 55432) holds the user's data; "test"
# (port 55433) is the test command's, so tests never touch a user's data.
# Environment: SKILLSMATCH_PG_PORT overrides the port, SKILLSMATCH_PG_ROOT the folder holding clusters.
set -euo pipefail

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

command=${1:-}
[ $# -gt 0 ] && shift
cluster=run
database=skillsmatch
standbys=2
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster) cluster=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --standbys) standbys=$2; shift 2 ;;
    *) echo "postgres.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ "$cluster" =~ ^[a-z0-9_-]+$ ]] || { echo "postgres.sh: bad cluster name '$cluster'" >&2; exit 2; }
[[ "$database" =~ ^[a-z0-9_]+$ ]] || { echo "postgres.sh: bad database name '$database'" >&2; exit 2; }
[[ "$standbys" =~ ^[1-9]$ ]] || { echo "postgres.sh: --standbys takes 1 to 9" >&2; exit 2; }

root=${SKILLSMATCH_PG_ROOT:-$REPO_ROOT/.pg}
# Points the functions below at one cluster (the replicas and formation commands walk several).
select_cluster() {
  cluster=$1
  case "$cluster" in
    run) default_port=55432 ;;
    test) default_port=55433 ;;
    *) default_port=$((55440 + $(printf '%s' "$cluster" | cksum | cut -d' ' -f1) % 500)) ;;
  esac
  data_dir=$root/$cluster/data
  socket_dir=$root/$cluster/socket
  log_file=$root/$cluster/postgres.log
  port_file=$root/$cluster/port
  choose_port
}

log() { echo "postgres.sh: $*" >&2; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The cluster keeps its port in .pg/<cluster>/port. Another checkout's cluster may hold the default
# port; then this one takes the next free port and remembers it.
choose_port() {
  if [ -n "${SKILLSMATCH_PG_PORT:-}" ] && [ "$cluster" = "$main_cluster" ]; then port=$SKILLSMATCH_PG_PORT; return; fi
  port=$(cat "$port_file" 2>/dev/null || echo "$default_port")
}
choose_free_port() {
  [ -n "${SKILLSMATCH_PG_PORT:-}" ] && [ "$cluster" = "$main_cluster" ] && return
  local candidate=$port
  while port_in_use "$candidate"; do candidate=$((candidate + 1)); done
  port=$candidate
  mkdir -p "$root/$cluster" && echo "$port" > "$port_file"
}
main_cluster=$cluster
select_cluster "$cluster"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else log "needs root to run: $*"; exit 1; fi
}

# The server refuses to run as root, so the cluster belongs to the postgres user when we are root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

apt_updated=0
apt_install() {
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

install_postgres() {
  [ -x "$PG_BIN/pg_ctl" ] && return 0
  log "installing PostgreSQL $PG_VERSION"
  apt_install postgresql-$PG_VERSION
}

pgvector_installed() {
  [ -f "$("$PG_BIN/pg_config" --sharedir)/extension/vector.control" ]
}

# Debian 12 has no pgvector package; build it from Debian's own source package (trixie suite)
# through a private sources list, so the system's apt configuration is never changed.
install_pgvector() {
  pgvector_installed && return 0
  log "building pgvector from Debian's source package"
  [ -x "$PG_BIN/pg_config" ] || apt_install postgresql-server-dev-$PG_VERSION
  command -v make >/dev/null && command -v gcc >/dev/null || apt_install build-essential
  [ -f "/usr/include/postgresql/$PG_VERSION/server/postgres.h" ] || apt_install postgresql-server-dev-$PG_VERSION
  dpkg -s build-essential >/dev/null 2>&1 || apt_install build-essential
  local work; work=$(mktemp -d); chmod 755 "$work"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" > "$work/sources.list"
  mkdir -p "$work/lists/partial"
  local opts=(-o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=/dev/null -o Dir::State::Lists="$work/lists")
  as_root apt-get "${opts[@]}" update -qq >&2
  (cd "$work" && as_root apt-get "${opts[@]}" source --download-only pgvector >&2)
  local tarball; tarball=$(ls "$work"/pgvector_*.orig.tar.* | head -1)
  mkdir -p "$work/src" && tar -xf "$tarball" -C "$work/src" --strip-components=1
  (cd "$work/src" && make -s PG_CONFIG="$PG_BIN/pg_config" >&2 && as_root make -s install PG_CONFIG="$PG_BIN/pg_config" >&2)
  rm -rf "$work"
  pgvector_installed || { log "pgvector build finished but vector.control is missing"; exit 1; }
}

init_cluster() {
  [ -f "$data_dir/PG_VERSION" ] && return 0
  log "initialising cluster '$cluster' in $data_dir"
  mkdir -p "$data_dir" "$socket_dir"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$root/$cluster"
  # Walk the path so the postgres user can reach a cluster kept under root's home.
  if [ "$(id -u)" -eq 0 ]; then
    local d=$root
    while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
  fi
  as_owner "$PG_BIN/initdb" -D "$data_dir" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$data_dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket_dir'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
}

# Matching reads ~600 MB of vectors and indexes per 100k learners: keep them in shared buffers. JIT compiles
# plans for tens of milliseconds, more than these short queries run. Given at start, so older clusters get them too.
server_settings="-c shared_buffers=1GB -c jit=off -c work_mem=16MB"

is_running() {
  [ -f "$data_dir/PG_VERSION" ] && as_owner "$PG_BIN/pg_ctl" -D "$data_dir" status >/dev/null 2>&1
}

start_cluster() {
  is_running && return 0
  choose_free_port
  mkdir -p "$socket_dir"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$socket_dir" && touch "$log_file" && chown postgres:postgres "$log_file"
  as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -o "-p $port -k $socket_dir $server_settings" -l "$log_file" -w -t 60 start >/dev/null \
    || { log "could not start cluster '$cluster'; last lines of $log_file:"; tail -n 20 "$log_file" >&2; exit 1; }
}

stop_cluster() {
  is_running || return 0
  as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
}

psql_admin() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

ensure_database() {
  local exists; exists=$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")
  [ "$exists" = "1" ] || psql_admin -c "CREATE DATABASE \"$database\"" >/dev/null
}

connection_string() {
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=$database"
}

source "$REPO_ROOT/scripts/replication.sh"

case "$command" in
  ensure)
    install_postgres
    install_pgvector
    init_cluster
    start_cluster
    ensure_database
    connection_string ;;
  start) init_cluster; start_cluster; log "cluster '$cluster' running on 127.0.0.1:$port" ;;
  stop) stop_cluster; log "cluster '$cluster' stopped" ;;
  status)
    if is_running; then echo "running: cluster '$cluster' on 127.0.0.1:$port ($data_dir)"
    else echo "stopped: cluster '$cluster' ($data_dir)"; exit 3; fi ;;
  connection-string) connection_string ;;
  create-database) ensure_database; connection_string ;;
  drop-database)
    [ "$database" != skillsmatch ] || { log "refusing to drop the run database"; exit 2; }
    psql_admin -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null ;;
  kill) kill_cluster; log "cluster '$cluster' killed" ;;
  replicas) install_postgres; install_pgvector; start_replicas ;;
  stop-replicas) stop_replicas ;;
  formation) install_postgres; install_pgvector; install_auto_failover; start_formation ;;
  formation-state) formation_state ;;
  formation-stop) stop_formation ;;
  *) echo "usage: scripts/postgres.sh ensure|start|stop|kill|status|connection-string|create-database|drop-database|replicas|stop-replicas|formation|formation-state|formation-stop [--cluster NAME] [--database DB] [--standbys N]" >&2; exit 2 ;;
esac
