// The --cache run's scratch file (server/src/node/cache-spill.ts) holds a run's new entries by
// descriptor only: its name is gone from the temporary folder as soon as it is opened, so a run
// killed midway leaves nothing there, and what was written still reads back.
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Spill } from '../../server/src/node/cache-spill';

const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`briefcheck-cache-${process.pid}-`));

describe('the cache scratch file', () => {
  it.skipIf(process.platform === 'win32')('has no name in the temporary folder while it is written and read', () => {
    const spill = new Spill();
    const first = spill.put(Buffer.from('{"a":1}'))!;
    const second = spill.put(Buffer.from('{"b":"two"}'))!;
    expect(ours()).toEqual([]);
    expect(spill.get(second).toString()).toBe('{"b":"two"}');
    expect(spill.get(first).toString()).toBe('{"a":1}');
    spill.remove();
    // A new file after removal, read from its own start.
    const again = spill.put(Buffer.from('x'))!;
    expect(again.at).toBe(0);
    expect(spill.get(again).toString()).toBe('x');
    expect(ours()).toEqual([]);
    spill.remove();
  });
});
