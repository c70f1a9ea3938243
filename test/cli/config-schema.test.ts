// schemas/briefcheck.schema.json is generated from the rules' metadata; this fails when a rule is
// added, removed or changes its options without `npm run generate`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../server/src/core/rules/index';
import { buildConfigSchema } from '../../server/src/node/config-schema';

describe('the .briefcheck.json schema', () => {
  it('matches the rules in the code (run npm run generate when this fails)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../schemas/briefcheck.schema.json'), 'utf8'));
    expect(committed).toEqual(buildConfigSchema(rules));
    expect(Object.keys(committed.properties.rules.properties)).toEqual(Object.keys(rules).sort());
  });
});
