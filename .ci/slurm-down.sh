#!/usr/bin/env bash
# Stops the one-node Slurm cluster started by .ci/slurm-up.sh: slurmd, slurmctld and munged, by
# the process ids in their pid files (nothing else is touched).
set -uo pipefail

state=${NCA_SLURM_STATE:-/tmp/nca-slurm}
stop() {
    local file=$1
    [ -s "$file" ] || return 0
    local pid
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 1 20); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    rm -f "$file"
}
stop "$state/slurmd.pid"
stop "$state/slurmctld.pid"
for munge_pid in /run/munge/munged.pid /var/run/munge/munged.pid; do
    stop "$munge_pid"
done
echo "slurm: stopped"
