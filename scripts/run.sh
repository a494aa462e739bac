#!/usr/bin/env bash
# `make run`: migrate, load the demo, make sure the organiser `admin` exists, then serve. When
# Redis answers at REDIS_URL, a Celery worker and beat run beside the web process; without it,
# tasks run eagerly. Ctrl-C stops every process this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
# Links in e-mails and messages point at this server unless SITE_URL says otherwise.
export SITE_URL="${SITE_URL:-http://127.0.0.1:${PORT}}"

if [ -n "${REDIS_URL:-}" ]; then
  if ! "$PY" -c 'import os, redis; redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=1).ping()' 2>/dev/null; then
    echo "Redis does not answer at $REDIS_URL: running without it."
    unset REDIS_URL
  fi
fi
if [ -z "${REDIS_URL:-}" ]; then
  echo "No Redis (REDIS_URL unset): Celery tasks run eagerly inside the web process."
fi

# E-mails of every process of this checkout (a second shell's `manage.py invite` too) are
# appended to var/mail.log and printed below as they come (config/mail.py); var/make-run.env
# tells the other processes this server's address and that file. Removed when this stops.
mkdir -p var
if [ -z "${EMAIL_URL:-}" ]; then
  export EMAIL_LOG_FILE="${EMAIL_LOG_FILE:-$PWD/var/mail.log}"
  touch "$EMAIL_LOG_FILE"
fi
printf 'SITE_URL=%s\n' "$SITE_URL" > var/make-run.env
[ -n "${EMAIL_LOG_FILE:-}" ] && printf 'EMAIL_LOG_FILE=%s\n' "$EMAIL_LOG_FILE" >> var/make-run.env
trap 'rm -f var/make-run.env' EXIT  # until `stop` below takes over

"$PY" manage.py migrate --noinput
# The demo's few hundred confirmations go to fictional example.org addresses: when no mail
# server is configured they are recorded as sent without being printed, so that the output shows
# the addresses below, and the messages of what you do afterwards.
EMAIL_URL="${EMAIL_URL:-dummymail://}" "$PY" manage.py load_demo
"$PY" manage.py ensure_admin

pids=()
stop() {
  trap - INT TERM EXIT
  rm -f var/make-run.env
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

if [ -n "${EMAIL_LOG_FILE:-}" ]; then
  tail -n 0 -F "$EMAIL_LOG_FILE" 2>/dev/null &
  pids+=($!)
fi
if [ -n "${REDIS_URL:-}" ]; then
  .venv/bin/celery -A config worker --loglevel INFO --concurrency 2 &
  pids+=($!)
  .venv/bin/celery -A config beat --loglevel INFO &
  pids+=($!)
fi

base="http://127.0.0.1:${PORT}"
cat <<TXT

  Organiser console   ${base}/admin/   (password, then a code from an authenticator app:
                      the first sign-in shows the QR code to scan; see "Two-factor" above)
  Portal              ${base}/portal/
  API docs            ${base}/api/v1/docs/
  Schedule feed       ${base}/api/v1/conferences/hanoi2025/schedule/
  Rehearsal (illustrative, ahead of today): invite a delegation from a second shell with
                      .venv/bin/python manage.py invite rehearsal --delegation <id>
                      and its e-mail, with the link, is printed here.
  Health              ${base}/healthz  ${base}/readyz

TXT
"$PY" manage.py runserver "127.0.0.1:${PORT}" &
pids+=($!)
wait -n "${pids[@]}"
