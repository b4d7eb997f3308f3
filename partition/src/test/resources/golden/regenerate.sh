#!/usr/bin/env bash
# Regenerates expected/ of every golden case (or of the cases named) with the REFERENCE scripts
# of the nRF Connect SDK (v2.9.0: scripts/partition_manager.py and partition_manager_output.py,
# which are not part of this repository). Review every change before committing: for containers
# listed in a case's unordered-spans.txt the reference's span order is random (hash seed), and the
# golden test compares those lists as sets.
#
# usage: regenerate.sh /path/to/sdk-nrf/scripts [case ...]
set -euo pipefail
scripts="${1:?usage: regenerate.sh /path/to/sdk-nrf/scripts [case ...]}"; shift
[[ -f "$scripts/partition_manager.py" ]] || { echo "no partition_manager.py in $scripts" >&2; exit 2; }
python="${PYTHON:-/usr/bin/python3}"
cd "$(dirname "$0")"
cases=("$@"); [[ ${#cases[@]} -gt 0 ]] || cases=(*/)
for c in "${cases[@]}"; do
  c="${c%/}"
  [[ -f "$c/commands.txt" ]] || continue
  rm -rf "$c/expected"; mkdir -p "$c/expected"
  while read -r cmd rest; do
    [[ -z "$cmd" || "$cmd" == \#* ]] && continue
    args="${rest//IN\//$PWD/$c/}"; args="${args//OUT\//$PWD/$c/expected/}"
    case "$cmd" in
      place)  script=partition_manager.py ;;
      output) script=partition_manager_output.py ;;
      *) continue ;;
    esac
    # shellcheck disable=SC2086
    if ! PYTHONHASHSEED=0 "$python" "$scripts/$script" $args > /dev/null; then
      echo "$c: reference failed on: $cmd $rest" >&2
    fi
  done < "$c/commands.txt"
  echo "regenerated $c"
done
