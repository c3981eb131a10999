# Sourced by the scripts that start servers.
# A server outlives the script that starts it, so it must not keep a descriptor that script was handed open for ever:
# a caller's lock (flock -c around the tests) or a CI pipe would stay held as long as the server runs.
# Replaces the shell it runs in, so it is called in a subshell of its own: ( exec_detached ... ) or exec_detached ... &.
exec_detached() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd=${fd##*/}
    if ((fd > 2)); then eval "exec ${fd}>&-" 2>/dev/null || true; fi
  done
  exec "$@"
}
