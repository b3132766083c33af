#!/usr/bin/env bash
# The whole test suite, from a fresh machine of this kind: installs what the tests need
# (Debian packages, moto's S3 server), makes sure PostgreSQL and Redis answer, then runs every
# test with cargo-nextest. A missing service fails the run; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/install-deps.sh --test
command -v moto_server >/dev/null || python3 -m pip install -q 'moto[server]>=5.2,<6'

# The machine starts these services; start them again if they stopped (same commands).
pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /tmp
pg_isready -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432" >&2; exit 1; }
redis-cli -h 127.0.0.1 ping >/dev/null || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }

cargo nextest run --workspace --no-fail-fast --test-threads 4 "$@"
