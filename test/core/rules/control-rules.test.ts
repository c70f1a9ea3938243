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
      errors: [{ messageId: 'unknown', includes: ['2026-11-28', '2026-11-27'] }],
    },
    {
      code: 'China bans exports of antimony to the US.',
      asOf: '2026-11-28',
      errors: [{ messageId: 'unknown' }],
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
