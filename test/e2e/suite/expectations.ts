// What the fixture briefs (test/e2e/fixtures) should produce, in one place, with the dataset facts
// each expectation rests on. The briefs are checked as of 2026-06-01 (front matter, or the
// workspace's briefcheck.asOf), when the October 2025 suspensions were in force.
import * as vscode from 'vscode';

/** A claim as the Claims view lists it, without its text and range. */
interface ListedClaim {
  kind: string;
  verdict: string;
  problems: string[];
}

// USGS MCS 2025 (published 2025-01-31) gives China 70% of US rare-earth imports for 2020–23, newer
// than the 74% for 2018–21 the briefs cite.
const staleFix = [/70%/, /2020[–-]23/, /Mineral Commodity Summaries 2025/];

export const briefs = {
  stale: {
    file: 'stale-figure.md',
    rule: 'stale-figure',
    // Diagnostics cover the whole claim, from the subject to the end of its bracketed period.
    rangeText: 'China supplied 74% of US imports of rare earths (2018–21)',
    messageHas: [/^74% for 2018–21 is stale/, /70% for 2020–23/, /Mineral Commodity Summaries 2025: Rare Earths/],
    severity: vscode.DiagnosticSeverity.Warning,
    claims: [{ kind: 'figure', verdict: 'stale', problems: ['stale-figure'] }] as ListedClaim[],
    /** The Claims view: checked claims first, then every mention (those inside claims too) in one row. */
    rows: [
      { label: 'China supplied 74% of US imports of rare earths (2018–21)', description: 'stale' },
      { label: 'Mentions (2)', description: '' },
    ],
  },
  // MOFCOM No. 46 of 2024 banned gallium exports to the US from 2024-12-03; No. 72 of 2025
  // suspended the ban from 2025-11-09 until 2026-11-27.
  statusChanged: {
    file: 'status-changed.md',
    rule: 'status-changed',
    rangeText: 'China banned exports of gallium to the US',
    messageHas: [/held on 2024-12-31/, /suspended until 2026-11-27/, /No\. 72 of 2025/],
    severity: vscode.DiagnosticSeverity.Warning,
    claims: [{ kind: 'control', verdict: 'changed', problems: ['status-changed'] }] as ListedClaim[],
    rows: [
      { label: 'China banned exports of gallium to the US', description: 'status changed since' },
      { label: 'Mentions (2)', description: '' },
    ],
  },
  // USGS MCS 2025: US net import reliance on antimony was 85% in 2024.
  mismatch: {
    file: 'mismatch.md',
    rule: 'figure-mismatch',
    rangeText: 'The US net import reliance on antimony was 95% in 2024',
    messageHas: [/^95% for 2024 does not match/, /which is 85%/, /Mineral Commodity Summaries 2025/],
    severity: vscode.DiagnosticSeverity.Error,
  },
  clean: { file: 'clean.md', checkedClaims: 2 },
  // The card for gallium on 2026-06-01: licensing under MOFCOM & GAC No. 23 of 2023 (the US ban
  // of No. 46/2024 suspended), US net import reliance, and China's share of US imports (53%,
  // 2018–21), which rests on weak sources only and is shown as unconfirmed, each with its source.
  hover: {
    file: 'hover.md',
    mineral: 'Gallium',
    /** Where to hover: the mention in the body, not the title in the front matter. */
    at: 'Gallium is used',
    cardHas: [
      /\*\*Controls on 2026-06-01:\*\* licensing \(all destinations\)/,
      /\[MOFCOM & GAC Announcement No\. 23 of 2023[^\]]*\]\(https?:[^)]+\): licensing, all destinations/,
      /\*\*China's share of US imports, unconfirmed \(weak sources only; not used for checking\):\*\* 53% \(2018–21\) — \[[^\]]+\]\(https?:/,
      /\*\*US net import reliance:\*\* 100%/,
    ],
  },
  quickFix: { file: 'quick-fix.md', staleText: '74%', fixedHas: staleFix },
  fixOnSave: { file: 'fix-on-save.md', staleText: '74%', fixedHas: staleFix },
  importShare: {
    file: 'import-share.md',
    mention: 'Antimony',
    at: 'Antimony is used',
    title: 'Insert current import share for antimony',
    // China's share of US antimony imports that the rules judge by on 2026-06-01: 63% of metal and
    // oxide for 2020–23 (USGS MCS 2025); the brief has no footnotes, so the citation is an inline link.
    inserted:
      ' (China supplied 63% of US imports of antimony (metal and oxide) in 2020–23; [Mineral Commodity Summaries 2025: Antimony](https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-antimony.pdf))',
  },
  // not-read.md negates a control ("has not banned"): the claim reader lists the sentence as
  // unread, never as a claim or a problem. The antimony figure on the next line still gets its
  // problems, so the test knows the brief was checked.
  notRead: {
    file: 'not-read.md',
    sentence: 'China has not banned exports of nickel to the US.',
    why: /negat/i,
    row: { label: 'Not read (1)', description: '' },
  },
  // as-of.md has no date of its own: it is checked as of the briefcheck.asOf setting. On
  // 2024-06-01 the 2020–23 figure was not yet published, so 74% was not stale then.
  asOf: { file: 'as-of.md', initial: '2026-06-01', earlier: '2024-06-01' },
};
