// Rule tables for the figure rules: stale-figure, figure-mismatch, unsourced-figure and
// inconsistent-figure, against the bundled dataset.

import { ruleTable } from '../rule-tester';

const usgs = '[^usgs]\n\n[^usgs]: USGS, Mineral Commodity Summaries 2025.\n';

ruleTable('stale-figure', {
  valid: [
    { code: `China supplied 63% of US imports of antimony in 2020–23.${usgs}`, asOf: '2025-05-01', name: 'current figure with its period' },
    { code: `The US was 85% net import-reliant on antimony in 2024.${usgs}`, asOf: '2025-06-01' },
    { code: 'China supplied 63% of US imports of antimony oxides in January–November 2024.', asOf: '2025-05-01', name: 'period the dataset does not hold' },
    { code: 'The US was 100% net import-reliant on gallium in 2024.', asOf: '2025-06-01', name: 'newer figure not yet published on the as-of date' },
  ],
  invalid: [
    {
      code: 'The US was 100% net import-reliant on gallium in 2024.\n',
      asOf: '2026-11-28',
      errors: [{ messageId: 'stale', includes: ['100% for 2024', '2025', 'net import reliance on gallium'] }],
      output: 'The US was 100% net import-reliant on gallium in 2025 (USGS, Mineral Commodity Summaries 2026, as reported by E&E News, [US increasingly dependent on importing critical minerals](https://www.eenews.net/articles/us-increasingly-dependent-on-importing-critical-minerals)).\n',
    },
    {
      name: 'footnote style: a new footnote definition at the end',
      code: `China supplied 63% of US imports of antimony in 2018–21.[^vc]\n\n[^vc]: Visual Capitalist.\n`,
      asOf: '2025-05-01',
      errors: [{ messageId: 'stale', includes: ['2020–23', 'U.S. Geological Survey'] }],
      output: `China supplied 63% of US imports of antimony in 2020–23[^briefcheck-usgs-mcs2025-antimony].[^vc]\n\n[^vc]: Visual Capitalist.\n\n[^briefcheck-usgs-mcs2025-antimony]: U.S. Geological Survey, [Mineral Commodity Summaries 2025: Antimony](https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-antimony.pdf) (2025-01-31).\n`,
    },
  ],
});

ruleTable('figure-mismatch', {
  valid: [
    { code: `The US was 85% net import-reliant on antimony in 2024.${usgs}`, asOf: '2025-06-01' },
    { code: `The US was about 80% net import-reliant on antimony in 2024.${usgs}`, asOf: '2025-06-01', name: 'within the hedge' },
    { code: `The US was nearly 90% net import-reliant on antimony in 2024.${usgs}`, asOf: '2025-06-01', name: '"nearly" above the value' },
    { code: `China supplied 76% of US imports of antimony in 2020–23.${usgs}`, asOf: '2025-06-01', name: 'no scope, agrees with the oxide-only share' },
    {
      code: `China supplied 63% of US imports of antimony oxides in 2020–23.${usgs}`,
      asOf: '2025-06-01',
      name: 'the oxide-only share (76%) rests on one unchecked copy of the chapter: weak evidence never makes a figure wrong',
    },
  ],
  invalid: [
    {
      code: `The US was 58% net import-reliant on antimony in 2024.${usgs}`,
      asOf: '2025-06-01',
      errors: [{ messageId: 'mismatch', includes: ['58% for 2024', '85%', 'U.S. Geological Survey'] }],
    },
    {
      code: `The US was nearly 95% net import-reliant on antimony in 2024.${usgs}`,
      asOf: '2025-06-01',
      errors: [{ messageId: 'mismatch' }],
    },
  ],
});

ruleTable('unsourced-figure', {
  valid: [
    { code: `The US was 85% net import-reliant on antimony in 2024.${usgs}`, asOf: '2025-06-01' },
    { code: 'The US was 85% net import-reliant on antimony in 2024 ([USGS](https://doi.org/10.5066/P13XCP3R)).', asOf: '2025-06-01' },
    { code: 'Antimony matters. Its price rose 200% in 2024.', name: 'a number bound to no mineral and metric is no claim' },
  ],
  invalid: [
    {
      code: 'The US was 85% net import-reliant on antimony in 2024.\n',
      asOf: '2025-06-01',
      errors: [{ messageId: 'unsourcedKnown', includes: ['U.S. Geological Survey'] }],
    },
    {
      code: 'Global demand for dysprosium is about 1,200 t.',
      errors: [{ messageId: 'unsourced' }],
      output: null,
    },
  ],
});

ruleTable('inconsistent-figure', {
  valid: [{ code: 'China supplied 53% of US imports of gallium in 2018–21. Later, China supplied 53% of US imports of gallium in 2018–21.' }],
  invalid: [
    {
      code: 'China supplied 53% of US imports of gallium in 2018–21.\n\nChina supplied 60% of US imports of gallium in 2018–21.',
      errors: [{ messageId: 'inconsistent', includes: ['line 1'] }],
      output: null,
    },
  ],
});
