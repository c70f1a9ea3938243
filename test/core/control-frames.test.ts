// Control claims written around the control word rather than with it: a measure's scope ("the rule
// covers …"), clauses that continue the control before them ("…, and tungsten since February"),
// relatives ("…, whose ban …", "…to the US, where a ban applies"), a licence required by double
// denial, and asides that name a package's minerals. Each has a precision twin that must stay silent.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import type { Claim } from '../../server/src/core/types';
import { bundledDataset, options } from './bundled-dataset';

const claimsOf = (text: string, asOf = '2025-06-01') => checkBrief(text, bundledDataset(), options(asOf)).claims;
const controls = (text: string, asOf?: string) => claimsOf(text, asOf).filter((c) => c.kind === 'control');
const summary = (c: Claim) => ({ minerals: c.minerals, type: c.control?.type, destination: c.control?.destination });

describe("a measure's scope", () => {
  it('takes the type of the control named before it in the paragraph', () => {
    const found = controls('Beijing banned antimony shipments to the United States in December 2024. The prohibition, published by the commerce ministry, also covers germanium ingots.');
    expect(found.map(summary)).toContainEqual({ minerals: ['germanium'], type: 'ban', destination: 'US' });
  });

  it('takes the control of an earlier paragraph, as a likely reading', () => {
    const found = controls('Indium exports have needed a licence since February 2025.\n\nThe rule, which took effect the same week, extends to molybdenum powders as well.');
    const scope = found.find((c) => c.minerals.includes('molybdenum'));
    expect(scope).toMatchObject({ control: { type: 'licensing' }, confidence: 'likely' });
  });

  it('reads a passive scope ("… is covered, as are …")', () => {
    const found = controls('Tungsten exports need a licence. Tungsten carbide, which several US toolmakers import, is covered, as are tungsten oxides.');
    expect(found.map(summary)).toContainEqual({ minerals: ['tungsten'], type: 'licensing', destination: 'all' });
    expect(found.every((c) => c.explanation && !/another country/i.test(c.explanation))).toBe(true);
  });

  it('is unread when no control was named before it', () => {
    const claims = claimsOf('The annual survey covers gallium, germanium and indium markets.');
    expect(claims.filter((c) => c.kind === 'control')).toEqual([]);
  });
});

describe('clauses that continue a control', () => {
  it('gives each mineral its own clause and time', () => {
    const found = controls('Indium has required a licence since February 2025, graphite since December 2023, and gallium since August 2023.');
    expect(found.map((c) => c.minerals)).toEqual([['indium'], ['graphite'], ['gallium']]);
    expect(found.every((c) => c.control?.type === 'licensing')).toBe(true);
    expect(found[2]!.text).toBe('gallium since August 2023');
  });

  it('reads "X followed" as the same control', () => {
    const found = controls('Gallium went under licensing first; germanium followed in the same announcement.');
    expect(found.map(summary)).toEqual([
      { minerals: ['gallium'], type: 'licensing', destination: 'all' },
      { minerals: ['germanium'], type: 'licensing', destination: 'all' },
    ]);
  });

  it('does not continue a figure or a sentence with no control', () => {
    expect(controls('China refined most of the world’s gallium in 2023, and germanium in 2024.')).toEqual([]);
  });
});

describe('relatives', () => {
  it('"…, whose ban" is about the minerals before it, even after a negated clause', () => {
    const found = controls('The November rules leave out gallium and germanium, whose US-only ban began in December 2024.');
    expect(found.map(summary)).toEqual([{ minerals: ['gallium', 'germanium'], type: 'ban', destination: 'US' }]);
  });

  it('"…to the US, where a ban applies" takes the place as the destination', () => {
    const found = controls('Antimony trioxide shipments fell sharply in May 2025. None of it was sent to the United States, where a ban has applied since December.');
    expect(found.map(summary)).toEqual([{ minerals: ['antimony'], type: 'ban', destination: 'US' }]);
    expect(found[0]!.confidence).toBe('likely');
  });
});

describe('other forms', () => {
  it('reads "no one may export X without a licence" as licensing', () => {
    expect(controls('Since September 2024 no one may export antimony from China without a licence.').map(summary)).toEqual([{ minerals: ['antimony'], type: 'licensing', destination: 'all' }]);
  });

  it('reads "halted rare-earth shipments to Japan" as a ban on another destination', () => {
    expect(controls('In 2010 China halted rare earth shipments to Japan for several weeks.').map(summary)).toEqual([{ minerals: ['rare-earths'], type: 'ban', destination: 'JP' }]);
  });

  it('an aside that lists a package names its minerals', () => {
    const found = controls('In November 2025 the ministry suspended the whole October package — including the five added rare earths — for a year.', '2025-12-01');
    expect(found.map((c) => [c.minerals, c.control?.type])).toEqual([[['rare-earths'], 'suspension']]);
  });

  it('a period inside a dash aside belongs to the aside, not to the control around it', () => {
    const text = '---\ndate: 2025-05-01\n---\n\nBeijing’s later blanket ban on antimony trioxide exports – China sent 60% of US imports from January 2024 to October 2024 – cut the flow sharply.\n';
    const [ban] = controls(text, '2026-11-28');
    expect(ban!.control).toMatchObject({ type: 'ban', date: '2025-05-01' });
  });

  it('a list after the colon names the controlled minerals', () => {
    const found = controls('In April 2025 Beijing put seven rare earths under export licensing: samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium.');
    expect(found.map((c) => c.minerals)).toEqual([['samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium']]);
  });

  it('a count in a table cell is read', () => {
    const claims = claimsOf('| Announcement | Covers | Regime |\n| --- | --- | --- |\n| No. 18 of 2025 | Seven medium and heavy rare earths | Licensing |\n');
    expect(claims.filter((c) => c.kind === 'count')).toEqual([expect.objectContaining({ count: 7, countOf: 'rare-earths' })]);
  });

  it('"U.S." with its full stop names the destination, also before "military end users"', () => {
    const found = controls('Dual-use items related to gallium may not be exported to U.S. military end users. Graphite items destined for the U.S. face stricter reviews.');
    expect(found.map((c) => c.control?.destination)).toEqual(['US', 'US']);
  });

  it('"such items" refers to the minerals before, and the claim underlines the anaphor', () => {
    const found = controls('Exports of germanium to the US were banned in December 2024.\n\nSuch items shall in principle not be approved for export to the United States.', '2025-01-15');
    expect(found[1]).toMatchObject({ minerals: ['germanium'], control: { type: 'ban', destination: 'US' }, text: 'Such items shall in principle not be approved' });
  });

  it('an effective date after a list of controlled items is read, as a scheduled (likely) reading', () => {
    const [claim] = controls('Announcement No. 57 adds holmium and erbium, with their oxides and alloys, to the list of controlled items, effective November 8, 2025.', '2025-10-20');
    expect(claim).toMatchObject({ minerals: ['holmium', 'erbium'], control: { type: 'licensing', date: '2025-11-08' }, confidence: 'likely' });
  });

  it('"China said … it would require licences" is the issuer announcing its measure, judged with its announcement', () => {
    const [claim] = controls('China said in July 2023 it would require exporters to obtain licences for gallium and germanium.', '2024-12-03');
    expect(claim).toMatchObject({ minerals: ['gallium', 'germanium'], control: { type: 'licensing' }, confidence: 'likely', verdict: 'unverifiable' });
    expect(claim!.explanation).toBe('No. 23/2023, announced on 2023-07-03, was not yet in force on 2023-07-31 (due from 2023-08-01).');
  });

  it('a ban the issuer says takes immediate effect is read, though written with "will"', () => {
    const found = controls('China will ban exports of gallium to the US with immediate effect, the commerce ministry said on Tuesday.', '2024-12-03');
    expect(found.map(summary)).toEqual([{ minerals: ['gallium'], type: 'ban', destination: 'US' }]);
  });

  it('an analyst saying China would ban is still speculation', () => {
    expect(controls('Analysts said China would ban exports of tungsten to the US next.', '2024-12-03')).toEqual([]);
  });

  it('a list after "including" that gives as many elements as the count names the members', () => {
    const found = controls('In April 2025 the ministry put export controls on seven kinds of heavy rare earth items including samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium.');
    expect(found[0]!.minerals).toEqual(['samarium', 'gadolinium', 'terbium', 'dysprosium', 'lutetium', 'scandium', 'yttrium']);
  });

  it('"among them" two of seven stays the group', () => {
    const found = controls('In April 2025 licences became mandatory for seven heavy rare earths, among them terbium and dysprosium.');
    expect(found[0]!.minerals).toEqual(['rare-earths']);
  });

  it('a list after a dash names the controlled minerals', () => {
    const found = controls('In April 2025 Beijing announced export restrictions on seven medium-to-heavy rare earths — namely samarium, gadolinium, terbium, dysprosium, lutetium, scandium and yttrium.');
    expect(found[0]!.minerals).toHaveLength(7);
  });

  it('the second metal of an alloy is not a controlled mineral', () => {
    const found = controls('Samarium exports need a licence, including samarium-cobalt alloys and magnets.');
    expect(found.map((c) => c.minerals)).toEqual([['samarium']]);
  });

  it('of a ban named in passing and a licence nearer the minerals, the licence is theirs', () => {
    const [claim] = controls('The later ban drew much comment, since almost nothing had shipped to the US after the first export controls on gallium and germanium, which took effect in August 2023.', '2025-01-10');
    expect(claim).toMatchObject({ minerals: ['gallium', 'germanium'], control: { type: 'licensing' } });
    expect(claim!.verdict).not.toBe('wrong');
  });

  it('end users in a ", while" clause do not make the other clause partial', () => {
    const [ban] = controls('The December 2024 ban prohibited exports of gallium to the United States, while imposing stricter end-user checks on graphite.', '2025-01-10');
    expect(ban).toMatchObject({ control: { type: 'ban', destination: 'US' } });
    expect(ban!.control!.endUse).toBeUndefined();
  });

  it('"the three minerals" takes three minerals named before, or none', () => {
    const none = controls('Tungsten and indium went under licensing in February 2025.\n\nBeijing banned the export of the three critical minerals to the United States.', '2025-03-01');
    expect(none.map((c) => c.minerals)).toEqual([['tungsten', 'indium']]);
    const three = controls('Gallium, germanium and antimony had been under licensing for months.\n\nIn December 2024 Beijing banned the export of the three critical minerals to the United States.', '2025-03-01');
    expect(three[1]).toMatchObject({ minerals: ['gallium', 'germanium', 'antimony'], control: { type: 'ban', destination: 'US' } });
  });

  it('"stopped short of outright bans" is no ban', () => {
    const found = controls('Licences are now required for molybdenum products, though the curbs stopped short of outright bans on molybdenum.', '2025-03-01');
    expect(found.every((c) => c.control?.type === 'licensing')).toBe(true);
  });

  it('", followed … with new controls on graphite" is a second control with its own date', () => {
    const found = controls('On August 1, 2023, China began restricting exports of gallium and germanium, followed on December 1, 2023, by new export controls on graphite.', '2024-01-15');
    expect(found.map((c) => [c.minerals, c.control?.date])).toEqual([
      [['gallium', 'germanium'], '2023-08-01'],
      [['graphite'], '2023-12-01'],
    ]);
  });

  it('minerals "that have military uses" are not a control for military end users only', () => {
    const [ban] = controls('In December 2024 China banned exports to the United States of gallium and germanium, metals that have extensive military uses.', '2025-01-10');
    expect(ban!.control!.endUse).toBeUndefined();
    expect(ban!.verdict).toBe('verified');
  });

  it('"export limits" are a control, and "the limits … apply to" is their scope', () => {
    const found = controls('China will impose export limits on antimony, the ministry said on Thursday. The limits apply to antimony ore and antimony oxide.', '2024-10-01');
    expect(found.map((c) => [c.minerals, c.control?.type])).toEqual([[['antimony'], 'licensing'], [['antimony'], 'licensing']]);
  });

  it('a ban "without permission" is licensing', () => {
    const [claim] = controls('Since September 2024, antimony ingots may not be exported without permission.', '2024-10-01');
    expect(claim).toMatchObject({ minerals: ['antimony'], control: { type: 'licensing' }, verdict: 'verified' });
  });

  it('a ban on a technology is not a ban on the mineral', () => {
    expect(controls('In December 2023 China banned the export of technology to make rare earth magnets.', '2024-10-01')).toEqual([]);
    expect(controls('The rules also ban the export of gold-antimony smelting and separation technology.', '2024-10-01')).toEqual([]);
  });

  it('"potential military as well as civil applications" is no end-use restriction', () => {
    const [claim] = controls('Exporters of antimony must apply for export licences for dual-use items, those with potential military as well as civil applications.', '2024-10-01');
    expect(claim!.control!.endUse).toBeUndefined();
  });

  it('a measure named by its month takes the minerals of the measures announced then', () => {
    const [claim] = controls('On 7 November the ministry shelved the whole October package until 10 November 2026.', '2025-11-20');
    expect(claim!.minerals).toEqual(expect.arrayContaining(['holmium', 'erbium', 'thulium', 'europium', 'ytterbium']));
    expect(claim).toMatchObject({ control: { type: 'suspension' }, confidence: 'likely', text: 'shelved the whole October package' });
  });

  it('the month in a measure’s name is not the claim’s date', () => {
    const [claim] = controls('The April 4 controls remain in force.', '2025-11-20');
    expect(claim).toMatchObject({ minerals: expect.arrayContaining(['dysprosium', 'terbium']), control: { type: 'licensing' }, verdict: 'verified', checkedOn: '2025-11-20' });
  });

  it('"All of these were suspended" takes every mineral just named', () => {
    const found = controls('Gallium and germanium exports to the US were banned, and graphite sales to US buyers faced extra review. All of these were suspended on 9 November 2025.', '2025-12-01');
    expect(found.find((c) => c.control?.type === 'suspension')).toMatchObject({ minerals: ['gallium', 'germanium', 'graphite'] });
  });

  it('"in response to US tariffs" is a cause, not a destination', () => {
    const [claim] = controls('In April 2025 China put seven rare earths under export licensing in response to US tariffs.', '2025-06-01');
    expect(claim!.control!.destination).toBe('all');
  });

  it('a content threshold ("containing 0.1% or more by value") is not a share', () => {
    const claims = claimsOf('Foreign items containing 0.1% or more by value of Chinese rare earths will need a licence from 1 December 2025.', '2025-10-15');
    expect(claims.filter((c) => c.kind === 'figure')).toEqual([]);
  });

  it('a purity is not a share', () => {
    const claims = claimsOf('The licence covers antimony trioxide of 99.99% purity and gallium metal above a purity of 99.9999%.');
    expect(claims.filter((c) => c.kind === 'figure')).toEqual([]);
  });
});
