# Streaming replication and pg_auto_failover for scripts/postgres.sh (sourced by it, not run on its own).
# Every server listens on 127.0.0.1 only. Clusters are ordinary postgres.sh clusters, so start/stop/status/kill
# work on each of them by name (NAME-s1, NAME-n2, ...).

# How the server runs as postgres when we are root: runuser, without a shell function (setsid needs a program).
owner_prefix=()
[ "$(id -u)" -eq 0 ] && owner_prefix=(runuser -u postgres --)

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { log "gave up after ${seconds}s waiting for $what"; return 1; }
    sleep 0.5
  done
}

# A crash, not a shutdown: the keeper (if any) and the server are killed, no checkpoint is written.
kill_cluster() {
  local pid_file=$root/$cluster/keeper.pid
  if [ -f "$pid_file" ]; then
    kill -KILL -- "-$(cat "$pid_file")" 2>/dev/null || true
    rm -f "$pid_file"
  fi
  if is_running; then as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -m immediate -w stop >/dev/null 2>&1 || true; fi
}

# ---- hot standbys -------------------------------------------------------------------------------------------

standby_names() { local i; for i in $(seq 1 "$standbys"); do printf '%s_s%d ' "${main_cluster//-/_}" "$i"; done; }

streaming_count_is() { [ "$(psql_admin -tAc "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -ge "$1" ]; }

start_replicas() {
  local primary=$main_cluster primary_port readers="" names i
  init_cluster
  start_cluster
  ensure_database
  primary_port=$port
  names=($(standby_names))
  for i in $(seq 1 "$standbys"); do
    select_cluster "$primary-s$i"
    if [ ! -f "$data_dir/PG_VERSION" ]; then
      log "creating standby '$cluster' of '$primary'"
      mkdir -p "$root/$cluster" "$socket_dir"
      [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$root/$cluster"
      as_owner "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data_dir" -R -X stream -c fast
      # -R wrote primary_conninfo; the later line wins and names the standby for synchronous_standby_names.
      cat >> "$data_dir/postgresql.auto.conf" <<CONF
primary_conninfo = 'host=127.0.0.1 port=$primary_port user=postgres application_name=${names[$((i - 1))]}'
hot_standby_feedback = on
CONF
    fi
    start_cluster
    readers+="${readers:+,}127.0.0.1:$port"
  done
  select_cluster "$primary"
  # Synchronous to ANY 1 standby: a write is acknowledged once a standby has it on disk, so losing the primary loses
  # no acknowledged write, and losing one standby (of two or more) does not stop writes.
  if [ "$standbys" -ge 2 ]; then
    local list; list=$(IFS=,; echo "${names[*]}")
    psql_admin -c "ALTER SYSTEM SET synchronous_standby_names = 'ANY 1 ($list)'" -c "SELECT pg_reload_conf()" >/dev/null
  fi
  wait_for 120 "$standbys standbys streaming from '$primary'" streaming_count_is "$standbys"
  connection_string
  echo "Host=$readers;Username=postgres;Database=$database;Load Balance Hosts=true;Target Session Attributes=prefer-standby"
}

stop_replicas() {
  local primary=$main_cluster i
  for i in $(seq 1 "$standbys"); do select_cluster "$primary-s$i"; stop_cluster; done
  select_cluster "$primary"
  stop_cluster
}

# ---- pg_auto_failover ---------------------------------------------------------------------------------------

install_auto_failover() {
  command -v pg_autoctl >/dev/null && [ -f "$("$PG_BIN/pg_config" --pkglibdir)/pgautofailover.so" ] && return 0
  log "installing pg_auto_failover"
  apt_install postgresql-$PG_VERSION-auto-failover
}

autoctl_env() {
  echo XDG_CONFIG_HOME="$root/.autoctl/config" XDG_DATA_HOME="$root/.autoctl/data" XDG_RUNTIME_DIR="$root/.autoctl/run" \
    PG_CONFIG="$PG_BIN/pg_config" PGHOST=127.0.0.1
}

autoctl() { as_owner env $(autoctl_env) pg_autoctl "$@"; }

# Runs a keeper (pg_autoctl create ... --run, or run) in a session of its own, so `kill` can take down the
# keeper and its postgres together.
start_keeper() {
  mkdir -p "$root/$cluster" "$root/.autoctl"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$root/$cluster" "$root/.autoctl"
    # Walk the path so the postgres user can reach a folder kept under root's home or a private temp folder.
    local d=$root
    while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
  fi
  local config=$root/.autoctl/config/pg_autoctl$data_dir/pg_autoctl.cfg
  if [ -f "$config" ]; then set -- run --pgdata "$data_dir"; fi
  setsid "${owner_prefix[@]}" env $(autoctl_env) pg_autoctl "$@" >>"$root/$cluster/keeper.log" 2>&1 </dev/null &
  echo $! >"$root/$cluster/keeper.pid"
}

monitor_sql() { "$PG_BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$monitor_port" -U postgres -d pg_auto_failover -c "$1"; }

node_state_is() { [ "$(monitor_sql "SELECT string_agg(reportedstate::text, ',' ORDER BY nodeid) FROM pgautofailover.node")" = "$1" ]; }

start_formation() {
  local name=$main_cluster monitor_uri nodes="" i
  select_cluster "$name-monitor"
  if ! is_running; then
    choose_free_port
    start_keeper create monitor --pgdata "$data_dir" --pgport "$port" --pgctl "$PG_BIN/pg_ctl" --hostname 127.0.0.1 \
      --listen 127.0.0.1 --auth trust --no-ssl --run
  fi
  monitor_port=$port
  wait_for 120 "the monitor of '$name'" monitor_sql "SELECT 1 FROM pgautofailover.formation"
  # Detect a dead node in ~3 s and stop waiting for a dead primary to demote after 5 s (defaults: 20 s and 30 s),
  # so a failover takes seconds; docs/scale.md gives the measured time.
  monitor_sql "ALTER SYSTEM SET pgautofailover.health_check_period = 1000" >/dev/null
  monitor_sql "ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000" >/dev/null
  monitor_sql "ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1" >/dev/null
  monitor_sql "ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500" >/dev/null
  monitor_sql "ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 3000" >/dev/null
  monitor_sql "ALTER SYSTEM SET pgautofailover.primary_demote_timeout = 5000" >/dev/null
  monitor_sql "SELECT pg_reload_conf()" >/dev/null
  monitor_uri="postgres://autoctl_node@127.0.0.1:$monitor_port/pg_auto_failover?sslmode=disable"
  for i in 1 2; do
    select_cluster "$name-n$i"
    if ! is_running; then
      choose_free_port
      start_keeper create postgres --pgdata "$data_dir" --pgport "$port" --pgctl "$PG_BIN/pg_ctl" --hostname 127.0.0.1 \
        --listen 127.0.0.1 --auth trust --no-ssl --monitor "$monitor_uri" --dbname "$database" --name "n$i" --run
    fi
    nodes+="${nodes:+,}127.0.0.1:$port"
    # The first node must be a running primary before the second clones it.
    if [ $i -eq 1 ]; then
      wait_for 180 "node n1 of '$name' to be primary" node_state_is single
      # The secondary's pg_basebackup waits for a spread checkpoint (minutes on an idle server); spread it less.
      "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -c "ALTER SYSTEM SET checkpoint_completion_target = 0.05" -c "SELECT pg_reload_conf()" >/dev/null
    fi
  done
  wait_for 300 "'$name' to reach primary + secondary" \
    bash -c "[ \"\$($PG_BIN/psql -X -tA -h 127.0.0.1 -p $monitor_port -U postgres -d pg_auto_failover -c \"SELECT string_agg(reportedstate::text, ',' ORDER BY reportedstate::text) FROM pgautofailover.node\")\" = primary,secondary ]"
  echo "Host=$nodes;Username=postgres;Database=$database;Target Session Attributes=primary"
}

formation_state() {
  select_cluster "$main_cluster-monitor"
  autoctl show state --pgdata "$data_dir"
}

stop_formation() {
  local name=$main_cluster part pid_file
  for part in n2 n1 monitor; do
    select_cluster "$name-$part"
    pid_file=$root/$cluster/keeper.pid
    if [ -f "$pid_file" ]; then
      kill -TERM -- "-$(cat "$pid_file")" 2>/dev/null || true
      wait_for 30 "the keeper of '$cluster' to stop" bash -c "! kill -0 -- -$(cat "$pid_file")" || kill -KILL -- "-$(cat "$pid_file")" 2>/dev/null || true
      rm -f "$pid_file"
    fi
    if is_running; then as_owner "$PG_BIN/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null 2>&1 || true; fi
  done
}
