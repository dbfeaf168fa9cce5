#!/usr/bin/env bash
# Stops the one-node cluster of slurm-up.sh (its daemons, and munged if it started it).
set -uo pipefail
pkill -x slurmd; pkill -x slurmctld; pkill -x munged
for _ in $(seq 1 20); do { pgrep -x slurmd || pgrep -x slurmctld || pgrep -x munged; } >/dev/null || exit 0; sleep 0.25; done
pkill -9 -x slurmd; pkill -9 -x slurmctld; pkill -9 -x munged
exit 0
