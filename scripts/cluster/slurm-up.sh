#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, from Debian's packages (slurm-wlm, munge): this host
# is the controller and its one node. For the cluster test and for trying the array job by hand;
# a library's own cluster has its own configuration. Run as root. Prints the SLURM_CONF to use.
# Usage: scripts/cluster/slurm-up.sh [STATE_DIR]   (default /tmp/backfile-slurm)
set -euo pipefail
state="${1:-/tmp/backfile-slurm}"
mkdir -p "$state"/{spool,slurmd,log}
host="$(hostname -s)"
# The node's real size (CPUs, memory) as slurmd itself measures it, so the controller accepts it.
node="$(slurmd -C | head -n1)"
cat > "$state/slurm.conf" <<CONF
ClusterName=backfile
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/spool
SlurmdSpoolDir=$state/slurmd
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
# No cgroups in a container: processes are tracked through /proc, tasks are not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobRequeue=1
MpiDefault=none
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
$node State=UNKNOWN
PartitionName=batch Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$state/slurm.conf"
mkdir -p /run/munge && chown munge:munge /run/munge
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged
pgrep -x slurmctld >/dev/null || slurmctld -f "$SLURM_CONF"
pgrep -x slurmd >/dev/null || slurmd -f "$SLURM_CONF"
# Ready when the node takes work (a few seconds).
for _ in $(seq 1 60); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "$SLURM_CONF"
    exit 0
  fi
  sleep 0.5
done
echo "slurm-up: the node did not come up; see $state/log" >&2
exit 1
