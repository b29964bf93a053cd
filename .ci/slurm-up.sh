#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine for the integration tests (needs root and the
# Debian packages slurm-wlm and munge): munged, slurmctld and slurmd with a minimal slurm.conf
# written here. Accounting is off (nca sweep status then relies on squeue and the points' own
# state files). A memory default per CPU lets array tasks run side by side. Stop it with
# .ci/slurm-down.sh. Safe to run again: it stops a cluster it started before.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${NCA_SLURM_STATE:-/tmp/nca-slurm}
"$here/slurm-down.sh" >/dev/null 2>&1 || true
mkdir -p "$state/spool" "$state/ctld" "$state/log" /etc/slurm /run/munge /var/log/munge /var/lib/munge

# munge: a key, then the daemon (it insists on owned, private directories)
if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge 2>/dev/null || true
chmod 0700 /etc/munge /var/log/munge /var/lib/munge
chmod 0400 /etc/munge/munge.key
chmod 0755 /run/munge
if id munge >/dev/null 2>&1; then
    su -s /bin/sh munge -c "/usr/sbin/munged --force" || /usr/sbin/munged --force
else
    /usr/sbin/munged --force
fi

# this machine as the only node: its CPUs and (a little less than) its memory
host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
cat > /etc/slurm/slurm.conf <<CONF
# written by nca/.ci/slurm-up.sh: a one-node test cluster
ClusterName=nca-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
DefMemPerCPU=1024
MaxArraySize=10001
SlurmdTimeout=60
InactiveLimit=0
MinJobAge=300
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
cp /etc/slurm/slurm.conf "$state/slurm.conf"

/usr/sbin/slurmctld -i
/usr/sbin/slurmd

# wait until the node takes jobs
for _ in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; then
        echo "slurm: one-node cluster up ($host, $cpus CPUs, ${memory} MB)"
        exit 0
    fi
    sleep 1
done
echo "slurm: the node did not become idle within 60 s; see $state/log" >&2
sinfo >&2 || true
exit 1
