// Explainers ask and answer: "Did China ban gallium exports to the US?" — "Yes, from 3 December
// 2024." The answer asserts the question's control, with its own date; a list answer to "which
// minerals" asserts it for the minerals listed; "No" asserts nothing.

import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../server/src/core/check';
import { bundledDataset, options } from './bundled-dataset';

const controls = (text: string, asOf: string) => checkBrief(text, bundledDataset(), options(asOf)).claims.filter((c) => c.kind === 'control');

describe('questions and answers', () => {
  it('"Yes, from <date>" asserts the question’s control on that date', () => {
    const [claim] = controls('**Q: Did Beijing ban antimony exports to the US?**\n\nA: Yes, with effect from 3 December 2024.\n', '2025-03-01');
    expect(claim).toMatchObject({ minerals: ['antimony'], control: { type: 'ban', destination: 'US', date: '2024-12-03' }, confidence: 'likely', verdict: 'verified' });
  });

  it('"No" asserts nothing', () => {
    expect(controls('**Q: Has China banned tungsten exports?**\n\nA: No. Exporters need a licence, which is granted case by case.\n', '2025-03-01')).toEqual([]);
  });

  it('a list answering "which minerals" takes the question’s control, held at some time in the past tense', () => {
    const [claim] = controls('**Q: Which minerals were covered by the US-only ban?**\n\nA: Gallium, germanium and antimony.\n', '2026-02-20');
    expect(claim).toMatchObject({ minerals: ['gallium', 'germanium', 'antimony'], control: { type: 'ban', destination: 'US' }, confidence: 'likely' });
    expect(claim!.verdict).not.toBe('wrong');
  });

  it('an answer with no question before it is not read as one', () => {
    expect(controls('A: Yes, from 3 December 2024.\n', '2025-03-01')).toEqual([]);
  });
});
