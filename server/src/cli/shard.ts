// --shard I/N: a file belongs to shard (hash of its path relative to the working folder) mod N, so
// the shards are disjoint, together cover the whole run, and a file stays on its shard when others
// are added or removed (which keeps each runner's cache warm).

import { createHash } from 'node:crypto';
import type { Shard } from './args';

export function shardOf(path: string, count: number): number {
  const digest = createHash('sha256').update(path).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(path: string, shard: Shard): boolean {
  return shardOf(path, shard.count) === shard.index;
}
