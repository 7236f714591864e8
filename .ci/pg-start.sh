# Throwaway PostgreSQL for the tests: `source` it. Starts a fresh cluster in a temp folder on 127.0.0.1
# (durability off: the data is thrown away), exports NEWSBRIEF_TEST_PG (the tests' connection string)
# and defines pg_stop. Leaves NEWSBRIEF_TEST_PG unset when no server can be started, so the
# PostgreSQL tests skip with a message instead of failing.
pg_stop() { :; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -n "$PGBIN" ] && [ "$(id -u)" = 0 ]; then
  PGDIR=$(mktemp -d); chown postgres: "$PGDIR"
  PGPASS=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  echo "$PGPASS" > "$PGDIR/pw"; chown postgres: "$PGDIR/pw"
  started=""
  if (cd "$PGDIR" && runuser -u postgres -- "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -E UTF8 --no-locale \
        --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PGDIR/pw" >"$PGDIR/initdb.log" 2>&1); then
    # A free port: the first of a range that nothing listens on. Two copies starting in the same second
    # can both see one port free; the loser's start fails and it tries the next one.
    for p in ${PGPORT:-} $(seq 55432 55499); do
      if (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then continue; fi
      if (cd "$PGDIR" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 start \
            -o "-c listen_addresses=127.0.0.1 -p $p -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null); then
        PGPORT=$p; started=1; break
      fi
    done
  fi
  if [ -n "$started" ]; then
    export NEWSBRIEF_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=$PGPASS;Database=postgres"
    echo "PostgreSQL: throwaway cluster on 127.0.0.1:$PGPORT"
    pg_stop() { (cd "$PGDIR" && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null); rm -rf "$PGDIR"; }
  else
    echo "PostgreSQL: could not start a cluster (see below); its tests will skip"
    cat "$PGDIR"/*.log 2>/dev/null | tail -20
    rm -rf "$PGDIR"
  fi
else
  echo "PostgreSQL: not installed or not root; its tests will skip"
fi
