// Rule tables for the control rules: control-status, status-changed, status-unknown and
// control-count, against the bundled dataset, including the titanium and 17-minerals cases.

import { ruleTable } from '../rule-tester';

ruleTable('control-status', {
  valid: [
    { code: 'Licensing is required for exports of gallium and germanium.', asOf: '2025-05-01' },
    { code: 'In December 2024, China banned exports of gallium to the United States.', asOf: '2026-11-28', name: 'true on its own date' },
    { code: 'Licensing is required for exports of titanium.', asOf: '2025-05-01', name: 'no measure for titanium: unverifiable, never wrong' },
    { code: '| Control type | Minerals |\n| --- | --- |\n| Licensing | tungsten, indium |\n| Licensing | titanium |\n', asOf: '2025-05-01', name: 'table rows' },
    { code: 'China would ban exports of tungsten to the US if talks failed.', asOf: '2025-05-01', name: 'hypothetical' },
  ],
  invalid: [
    {
      code: 'China banned exports of tungsten to the United States.',
      asOf: '2025-05-01',
      errors: [{ messageId: 'wrong', includes: ['tungsten', 'export licensing', 'No. 10 of 2025'] }],
      output: null,
    },
    {
      code: 'Licensing is required for exports of holmium.',
      asOf: '2026-03-01',
      errors: [{ messageId: 'wrong', includes: ['holmium', 'suspended'] }],
    },
    {
      name: 'a table row with a ban where the dataset has licensing',
      code: '| Control type | Minerals |\n| --- | --- |\n| Ban | bismuth |\n',
      asOf: '2025-05-01',
      errors: [{ messageId: 'wrong', includes: ['bismuth'] }],
    },
  ],
});

ruleTable('status-changed', {
  valid: [
    { code: 'In December 2024, China banned exports of gallium to the United States.', asOf: '2025-05-01' },
    { code: 'Licensing is required for exports of tungsten.', asOf: '2026-11-28', name: 'undated claims are checked on the as-of date' },
  ],
  invalid: [
    {
      code: 'In December 2024, China banned exports of gallium, germanium and antimony to the United States.',
      asOf: '2026-11-28',
      errors: [{ messageId: 'changed', includes: ['2025-11-09', 'suspended until 2026-11-27', 'No. 72 of 2025'] }],
      output: null,
    },
  ],
});

ruleTable('status-unknown', {
  valid: [
    { code: 'In December 2024, China banned exports of gallium to the United States.', asOf: '2025-05-01' },
    { code: 'Licensing is required for exports of gallium.', asOf: '2026-11-28' },
  ],
  invalid: [
    {
      code: 'In December 2024, China banned exports of gallium to the United States.',
      asOf: '2026-11-28',
      // The claim names its minerals once; the record is named without a state of its own.
      errors: [{ messageId: 'unknown', includes: ['Whether a ban on exports to the US for gallium holds on 2026-11-28 cannot be known: ', '2026-11-27', '; the last record is MOFCOM Announcement No. 46 of 2024 ('], excludes: ['known for gallium', '(unknown)'] }],
    },
    {
      code: 'China bans exports of antimony to the US.',
      asOf: '2026-11-28',
      errors: [{ messageId: 'unknown' }],
    },
    {
      name: 'only some of the minerals unknown: those are named',
      code: 'China bans exports of gallium and graphite to the US.',
      asOf: '2026-11-28',
      errors: [{ messageId: 'unknown', includes: ['for gallium and graphite holds on 2026-11-28 cannot be known for gallium: '] }],
    },
    {
      name: 'a date before the data begins: no record to name',
      code: 'China requires export licences for gallium.',
      asOf: '2023-04-02',
      errors: [{ messageId: 'noRecord', includes: ['cannot be known: the date is before the dataset\'s coverage, which starts on 2023-07-01.'], excludes: ['last record', 'no measure'] }],
    },
  ],
});

ruleTable('control-count', {
  valid: [
    { code: 'China has placed export controls on 16 critical minerals.', asOf: '2025-05-01' },
    {
      name: 'a listed 17th mineral the dataset cannot judge',
      code: 'China has placed export controls on 17 critical minerals.\n\n| Control type | Minerals |\n| --- | --- |\n| Licensing | gallium, germanium, graphite, antimony |\n| Licensing | tungsten, tellurium, bismuth, molybdenum, indium |\n| Licensing | samarium, gadolinium, terbium, dysprosium, lutetium, scandium, yttrium |\n| Licensing | titanium |\n',
      asOf: '2025-05-01',
    },
  ],
  invalid: [
    { code: 'China has placed export controls on 20 critical minerals.', asOf: '2025-05-01', errors: [{ messageId: 'count', includes: ['20', '16', 'No. 18/2025'] }], output: null },
    { code: 'China has placed export controls on 12 critical minerals.', asOf: '2025-05-01', errors: [{ messageId: 'count' }] },
  ],
});
