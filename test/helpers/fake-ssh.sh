#!/usr/bin/env bash
# Stands in for ssh in tests of GNU parallel's --sshlogin recipes: every "host" is this
# machine. Skips ssh's options and the host name, then runs the remote command line.
while [[ $# -gt 0 ]]; do
  case "$1" in
    -[1246AaCfGgKkMNnqsTtVvXxYy]*) shift ;;
    -*) shift 2 ;;
    *) break ;;
  esac
done
echo "$1" >> "${FAKE_SSH_LOG:-/dev/null}"
shift
[[ "${1:-}" == "--" ]] && shift
exec bash -c "$*"
