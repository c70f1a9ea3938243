// Briefs the fuzz campaign found, reduced by hand, replayed through the same oracle.
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../core/bundled-dataset';
import { examine } from './oracle';

const dataset = bundledDataset();

describe('fuzz regressions', () => {
  it.each([
    // Front matter with CR-only line endings and a blank LF line inside: the editor's chunking split
    // lines only at LF, so it missed the front matter the full parse read (and its date warning).
    ['CR-only front matter', '---\ras_of: 202\n\n5-0|wq=+6-30\r---\r\r# Antimony\r\rThe US was 85% net import-reliant on antimony in 2024.\r'],
    // A link label holding a CR: the editor's one-line stand-in for it opened an HTML block that hid
    // the footnote definition before it, so the figure looked uncited in the editor only.
    ['a definition label with a CR', 'China supplied 60% of US imports of gallium in 2018–21.[^vc]\n\n[^vc]: Visual Capitalist, chart of USGS import data.\n[\r<pre>    ^oct]: MOFCOM announcements of October 2025.'],
    ['CR-only front matter with a date', '---\rdate: 2025-06-01\r---\r\rThe US was 58% net import-reliant on antimony in 2024.\r\r---\r'],
  ])('%s: the command line and the editor agree', async (_name, text) => {
    const verdict = await examine(text, dataset, 3);
    expect(verdict.findings).toEqual([]);
  });
});
