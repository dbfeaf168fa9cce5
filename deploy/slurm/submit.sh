#!/usr/bin/env bash
# Submits a Backfile batch to Slurm: the array of OCR tasks (one per shard manifest in
# SHARD_DIR) and the merge into ARCHIVE once every task has succeeded. Prints both job ids.
#   backfile shard --shards 40 --out /shared/batch-7 /shared/scans/...
#   deploy/slurm/submit.sh /shared/batch-7 /shared/archive
# Extra sbatch options (a partition, an account, --cpus-per-task) go in SBATCH_OPTIONS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shards="$(cd "${1:?usage: submit.sh SHARD_DIR ARCHIVE}" && pwd)"
target="$(realpath -m "${2:?usage: submit.sh SHARD_DIR ARCHIVE}")"
count=$(find "$shards" -maxdepth 1 -name 'shard-*.json' | wc -l)
[ "$count" -gt 0 ] || { echo "submit.sh: no shard-*.json in $shards (run backfile shard first)" >&2; exit 2; }
read -r -a extra <<< "${SBATCH_OPTIONS:-}"
array=$(sbatch --parsable "${extra[@]}" --chdir "$shards" --array="0-$((count - 1))" "$here/backfile-ocr.sbatch" "$shards")
merge=$(sbatch --parsable "${extra[@]}" --chdir "$shards" --dependency="afterok:${array%%;*}" --kill-on-invalid-dep=yes \
  "$here/backfile-merge.sbatch" "$shards" "$target")
echo "array ${array%%;*} merge ${merge%%;*}"
