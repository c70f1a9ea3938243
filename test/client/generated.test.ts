// Generated parts of the extension are current: the settings section of package.json matches the
// rules' metadata and the injection grammar matches the dataset's surface forms. Run
// `npm run generate` when this fails. The grammar's patterns are also checked to work.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../server/src/core/rules';
import { loadDataset } from '../../server/src/node/dataset';
import { configurationContribution, markdownGrammar } from '../../scripts/extension-manifest';

const root = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const grammarFile = JSON.parse(readFileSync(join(root, 'syntaxes', 'briefcheck-markdown.tmLanguage.json'), 'utf8'));

function pattern(name: string): RegExp {
  const match = String(grammarFile.repository[name].match);
  // Oniguruma's inline (?i) at the start is the JavaScript `i` flag.
  return match.startsWith('(?i)') ? new RegExp(match.slice(4), 'i') : new RegExp(match);
}

describe('generated extension parts', () => {
  it('package.json settings match the rules (npm run generate)', () => {
    expect(manifest.contributes.configuration).toEqual(configurationContribution(rules));
    expect(Object.keys(manifest.contributes.configuration.properties['briefcheck.rules'].properties).sort()).toEqual(Object.keys(rules).sort());
  });

  it('the directive snippets offer exactly the rules a directive can silence', () => {
    const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'markdown.json'), 'utf8')) as Record<string, { body: string[] }>;
    const choices = Object.values(snippets)
      .flatMap((s) => s.body)
      .filter((line) => line.includes('briefcheck-'))
      .flatMap((line) => [...line.matchAll(/\$\{\d+\|([^|}]+)\|\}/g)].map((m) => m[1]!.split(',').sort()));
    // unknown-directive reports directives themselves, so silencing it from a directive is left out.
    const silenceable = Object.keys(rules).filter((id) => id !== 'unknown-directive').sort();
    expect(choices.length).toBeGreaterThan(0);
    for (const list of choices) expect(list).toEqual(silenceable);
  });

  it('the grammar matches the dataset (npm run generate)', async () => {
    const { dataset } = await loadDataset([]);
    expect(grammarFile).toEqual(markdownGrammar(dataset.surfaceForms()));
  });

  it('scopes every mineral name, figures and directives', async () => {
    const { dataset } = await loadDataset([]);
    const mineral = pattern('mineral');
    for (const m of dataset.files.minerals) expect(`Exports of ${m.name} fell`).toMatch(mineral);
    expect('the seventeen minerals').not.toMatch(mineral);
    const figure = pattern('figure');
    expect('China supplied 63% of imports').toMatch(figure);
    expect('about 1,200 t of dysprosium').toMatch(figure);
    expect('in 2024 alone').not.toMatch(figure);
    const directive = pattern('directive');
    expect('<!-- briefcheck-disable-next-line stale-figure -->').toMatch(directive);
    expect('<!-- an ordinary comment -->').not.toMatch(directive);
  });
});
