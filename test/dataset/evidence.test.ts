// Trust follows evidence: every source has a tier, confidence is derived from the tiers, weak-only
// evidence never makes a brief wrong or stale and never reaches a fix, the best source is the one
// cited, and a status after the newest source keeps the last record and says when it was confirmed.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { createDataset } from '../../server/src/core/dataset/index';
import type { DatasetFiles, Observation, Overlay } from '../../server/src/core/dataset/types';
import type { CheckOptions } from '../../server/src/core/types';
import { bundledDataset, options } from '../core/bundled-dataset';

const files = (): DatasetFiles => bundledDataset().files as DatasetFiles;
const withOverlay = (overlay: Overlay) => createDataset(files(), [overlay]);

const partisan = ['newstarget', 'sputnik', 'breitbart', 'zerohedge', 'theepochtimes', 'cryptogon'];

describe('source tiers', () => {
  it('every source has a tier and no partisan or propaganda outlet remains', () => {
    for (const s of files().sources) {
      expect(['primary', 'authoritative', 'weak']).toContain(s.tier);
      for (const name of partisan) expect(`${s.url} ${s.publisher} ${s.via ?? ''}`.toLowerCase()).not.toContain(name);
    }
  });

  it('confidence follows the tiers: primary is high, one authoritative publisher medium, weak only low', () => {
    const byId = new Map(files().observations.map((o) => [o.id, o]));
    expect(byId.get('NIR-MCS2025-antimony')?.confidence).toBe('high');
    expect(byId.get('NIR-MCS2026-100pct-list-gallium')?.confidence).toBe('medium');
    expect(byId.get('SRC-VC-2018-2021-germanium')?.confidence).toBe('low');
  });

  it('maxConfidence only lowers the derived confidence', () => {
    const base = files().observations.find((o) => o.id === 'NIR-MCS2025-antimony')!;
    const { confidence: _c, ...record } = base;
    const lowered = withOverlay({ observations: [{ ...record, maxConfidence: 'low' } as Observation] });
    expect(lowered.files.observations.find((o) => o.id === base.id)?.confidence).toBe('low');
    const weakSourced = withOverlay({
      sources: [{ id: 'blog', title: 'A blog', publisher: 'Someone', url: 'https://example.org/blog', published: '2025-02-01', tier: 'weak' }],
      observations: [{ ...record, sources: [{ source: 'blog' }], maxConfidence: 'high' } as Observation],
    });
    expect(weakSourced.files.observations.find((o) => o.id === base.id)?.confidence).toBe('low');
  });
});

describe('weak-only evidence never produces a warning, an error or a fix', () => {
  // A newer US net import reliance on antimony (2025, 40%) that would make the 2024 figure stale and
  // contradict a 2025 figure, first from a weak source, then from an authoritative one.
  const overlay = (tier: 'weak' | 'authoritative'): Overlay => ({
    sources: [{ id: 'probe-source', title: 'Probe', publisher: 'Probe publisher', url: 'https://example.org/probe', published: '2026-02-01', tier }],
    observations: [
      {
        id: 'probe-antimony-2025',
        metric: 'net_import_reliance',
        mineral: 'antimony',
        reporter: 'US',
        scope: 'metal and oxide',
        period: { start: '2025-01-01', end: '2025-12-31', label: '2025' },
        value: 40,
        unit: '%',
        published: '2026-02-01',
        sources: [{ source: 'probe-source' }],
      } as Observation,
    ],
  });
  const brief = 'The US was 85% net import-reliant on antimony in 2024 (USGS).\n\nThe US was 90% net import-reliant on antimony in 2025 (USGS).\n';
  const check = (tier: 'weak' | 'authoritative') => checkBrief(brief, withOverlay(overlay(tier)), options('2026-11-28'));

  it('a weak-only observation leaves both figures alone', () => {
    const result = check('weak');
    const figureProblems = result.problems.filter((p) => p.ruleId !== 'unsourced-figure' && p.ruleId !== 'data-age');
    expect(figureProblems).toEqual([]);
    expect(result.problems.some((p) => p.fix && JSON.stringify(p.fix).includes('example.org/probe'))).toBe(false);
  });

  it('the same observation from an authoritative source makes one stale and the other a mismatch', () => {
    const rules = check('authoritative').problems.map((p) => p.ruleId);
    expect(rules).toContain('stale-figure');
    expect(rules).toContain('figure-mismatch');
  });

  it('a weak-only event never changes a status', () => {
    const measure = files().measures.find((m) => m.id === 'CM-2023-23')!;
    const lifted = (tier: 'weak' | 'authoritative') =>
      withOverlay({
        sources: [{ id: 'probe-event', title: 'Probe', publisher: 'Probe publisher', url: 'https://example.org/event', published: '2026-01-10', tier }],
        measures: [{ ...measure, events: [...measure.events, { date: '2026-01-10', kind: 'lifted', description: 'Lifted.', sources: [{ source: 'probe-event' }] }] }],
      }).statusOn('gallium', '2026-02-01').status;
    expect(lifted('weak')).toBe('licensing');
    expect(lifted('authoritative')).toBe('none');
  });

  it('a measure known only from weak sources sets no status', () => {
    const controlled = (tier: 'weak' | 'primary') =>
      withOverlay({
        sources: [{ id: 'probe-measure-source', title: 'Probe', publisher: 'Probe publisher', url: 'https://example.org/measure', published: '2026-01-10', tier }],
        measures: [
          {
            id: 'probe-nickel-licensing',
            instrument: 'Probe announcement',
            shortName: 'Probe',
            issuer: 'MOFCOM',
            announced: '2026-01-10',
            effective: '2026-01-10',
            clauses: [{ id: 'probe-nickel-licensing.1', minerals: ['nickel'], type: 'licensing', destination: 'all' }],
            events: [],
            sources: [{ source: 'probe-measure-source' }],
          },
        ],
      }).statusOn('nickel', '2026-02-01').status;
    expect(controlled('weak')).toBe('none');
    expect(controlled('primary')).toBe('licensing');
  });
});

describe('best-source citations', () => {
  it('cites USGS for the gallium figure, never a weak source', () => {
    const text = 'The US was 100% net import reliant on gallium in 2024 (USGS).\n';
    const result = checkBrief(text, bundledDataset(), options('2026-12-03'));
    const stale = result.problems.find((p) => p.ruleId === 'stale-figure')!;
    expect(stale.message).toContain('USGS');
    const weak = files().sources.filter((s) => s.tier === 'weak').map((s) => s.url);
    const citation = stale.fix!.edits.filter((e) => e.text.includes('http'));
    expect(citation).toHaveLength(1);
    expect(citation[0]!.text).toContain('USGS');
    for (const url of weak) expect(citation[0]!.text).not.toContain(url);
  });

  it('orders every value’s sources primary first, then authoritative, then weak', () => {
    const rank = { primary: 0, authoritative: 1, weak: 2 };
    const tiers = new Map(files().sources.map((s) => [s.id, rank[s.tier]]));
    for (const o of files().observations) {
      const order = o.sources.map((r) => tiers.get(r.source)!);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});

describe('freshness', () => {
  const latest = bundledDataset().meta.latestSource!;
  const off: CheckOptions = { ...options('2026-12-03'), config: { ...options('2026-12-03').config, rules: { 'data-age': { severity: 'off' } } } };

  it('a status after the newest source is judged on the last record and says when it was last confirmed', () => {
    const result = checkBrief('China requires export licences for gallium.\n', bundledDataset(), options('2026-12-03'));
    const claim = result.claims.find((c) => c.kind === 'control')!;
    expect(claim.verdict).toBe('verified');
    expect(claim.confirmedThrough).toBe(latest);
  });

  it('messages about such a status say "last confirmed"', () => {
    const result = checkBrief('China bans exports of antimony to the US.\n', bundledDataset(), options('2026-12-03'));
    const unknown = result.problems.find((p) => p.ruleId === 'status-unknown')!;
    expect(unknown.message).toContain(`(last confirmed ${latest}).`);
  });

  it('a change the records schedule after the newest source makes the status unknown', () => {
    const dataset = withOverlay({
      measures: [
        {
          id: 'probe-measure',
          instrument: 'Probe announcement',
          shortName: 'Probe',
          issuer: 'MOFCOM',
          announced: '2026-06-01',
          effective: '2026-09-01',
          clauses: [{ id: 'probe-measure.1', minerals: ['nickel'], type: 'licensing', destination: 'all' }],
          events: [],
          sources: [{ source: 'mofcom-202604-1219' }],
        },
      ],
    });
    expect(dataset.statusOn('nickel', '2026-08-01')).toMatchObject({ status: 'none', confirmedThrough: latest });
    const after = dataset.statusOn('nickel', '2026-10-01');
    expect(after.status).toBe('unknown');
    expect(after.note).toContain('2026-09-01');
  });

  it('gives one data-age notice per brief checked long after the newest source, which can be turned off', () => {
    const text = 'China requires export licences for gallium.\n\nChina requires export licences for germanium.\n';
    const notices = (o: CheckOptions) => checkBrief(text, bundledDataset(), o).problems.filter((p) => p.ruleId === 'data-age');
    expect(notices(options('2026-12-03'))).toHaveLength(1);
    expect(notices(options('2026-12-03'))[0]).toMatchObject({ severity: 'info' });
    expect(notices(options('2026-12-03'))[0]!.message).toContain(latest);
    expect(notices(options('2026-08-01'))).toHaveLength(0);
    expect(notices(off)).toHaveLength(0);
    const longer: CheckOptions = { ...options('2026-12-03'), config: { ...options('2026-12-03').config, rules: { 'data-age': { options: { maxAgeDays: 365 } } } } };
    expect(notices(longer)).toHaveLength(0);
  });
});
