// A shard manifest: everything one worker of a batch needs, and nothing else. A worker on any
// node of a cluster runs `backfile import --shard MANIFEST --ocr` with only this file and the
// project installed; the archive it writes is named here too, beside the manifest.

import { z } from 'zod';
import { ENGINE_CHOICES } from '../../shared/ocr.ts';
import { isoDate } from '../../shared/date.ts';

export const MANIFEST_VERSION = 1;

/** One scan file, with the catalogue metadata its pages get (as import's options would give). */
export const SHARD_FILE = z.object({
  path: z.string().min(1),
  title: z.string().min(1).optional(),
  date: isoDate.optional(),
  edition: z.string().optional(),
  /** When the file is already in an archive: its sha256, and the pages of it still to read. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  pages: z.array(z.number().int().min(0)).optional(),
});
export type ShardFile = z.infer<typeof SHARD_FILE>;

export const SHARD_MANIFEST = z.object({
  backfile: z.literal('shard'),
  version: z.literal(MANIFEST_VERSION),
  /** "shard-0003", recorded with every page the shard reads. */
  name: z.string().regex(/^[\w.-]+$/),
  index: z.number().int().min(0),
  count: z.number().int().min(1),
  /** The worker's archive, relative to the manifest's folder (or absolute). */
  archive: z.string().min(1),
  import: z
    .object({
      pattern: z.string().optional(),
      dpi: z.number().int().min(50).max(1200).optional(),
    })
    .default({}),
  ocr: z.object({
    languages: z.string().min(1),
    engine: z.enum(ENGINE_CHOICES),
  }),
  files: z.array(SHARD_FILE),
});
export type ShardManifest = z.infer<typeof SHARD_MANIFEST>;

/** "shard-0003" for index 3: names sort in index order. */
export function shardName(index: number): string {
  return `shard-${String(index).padStart(4, '0')}`;
}

/**
 * Splits files into `count` contiguous runs of about equal weight (bytes, or pages), keeping their
 * order: shard 0 holds the first files, shard 1 the next. Merged in index order, the shards' pages
 * then fall into their issues in the order one machine would have imported them. Greedy: a run
 * ends once it reaches its share of what is left; a shard is empty only when there are fewer
 * files than shards.
 */
export function splitContiguous<T>(items: readonly T[], count: number, weight: (item: T) => number): T[][] {
  const shards: T[][] = Array.from({ length: count }, () => []);
  let left = items.reduce((sum, item) => sum + Math.max(1, weight(item)), 0);
  let next = 0;
  for (let shard = 0; shard < count; shard++) {
    const shardsLeft = count - shard;
    const share = left / shardsLeft;
    let taken = 0;
    // Each shard takes at least one file while any are left, and leaves one for each later shard.
    while (next < items.length) {
      const w = Math.max(1, weight(items[next]!));
      if (taken > 0 && (taken + w / 2 > share || items.length - next <= shardsLeft - 1)) break;
      shards[shard]!.push(items[next]!);
      taken += w;
      next++;
    }
    left -= taken;
  }
  return shards;
}
