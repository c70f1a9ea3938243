// The words that name each mineral, for claim extraction and for resolving a name the user typed.
// Names, aliases and forms match case-insensitively; symbols and abbreviations ("REE", "GaN") match
// exactly, and a symbol that is also a word or a surname ("In", "Li", "W") is never offered alone.

import type { Mineral, SurfaceForm } from './types';

/** The key a case-insensitive form is looked up by: lower case, hyphens and dashes as spaces. */
export function normalizeForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[-‐‑–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function formsOf(mineral: Mineral): SurfaceForm[] {
  const out: SurfaceForm[] = [];
  const add = (text: string, kind: SurfaceForm['kind'], caseSensitive: boolean) => {
    out.push({ text, mineral: mineral.id, kind, caseSensitive });
    // Writers hyphenate compound names inconsistently ("rare-earth magnets", "rare earth magnets").
    if (!caseSensitive && /[-‐‑]/.test(text)) out.push({ text: text.replace(/[-‐‑]/g, ' '), mineral: mineral.id, kind, caseSensitive });
  };
  add(mineral.name, 'name', false);
  for (const alias of mineral.aliases) add(alias, 'alias', false);
  for (const form of mineral.forms) add(form, 'form', false);
  for (const abbreviation of mineral.abbreviations ?? []) add(abbreviation, 'alias', true);
  if (mineral.symbol && !mineral.symbolAmbiguous) add(mineral.symbol, 'symbol', true);
  return out;
}

export interface SurfaceIndex {
  forms: readonly SurfaceForm[];
  resolve(text: string): string | undefined;
}

export function buildSurfaceIndex(minerals: readonly Mineral[]): SurfaceIndex {
  const seen = new Set<string>();
  const forms: SurfaceForm[] = [];
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  for (const mineral of minerals) {
    for (const form of formsOf(mineral)) {
      const key = form.caseSensitive ? `=${form.text}` : `~${normalizeForm(form.text)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      forms.push(form);
      if (form.caseSensitive) exact.set(form.text, form.mineral);
      else folded.set(normalizeForm(form.text), form.mineral);
    }
  }
  forms.sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  Object.freeze(forms);
  return {
    forms,
    resolve(text) {
      const trimmed = text.trim().replace(/\s+/g, ' ');
      return exact.get(trimmed) ?? folded.get(normalizeForm(trimmed));
    },
  };
}

/** Surface forms that two minerals share, which would make a mention ambiguous. */
export function surfaceCollisions(minerals: readonly Mineral[]): { text: string; minerals: string[] }[] {
  const owners = new Map<string, Set<string>>();
  for (const mineral of minerals) {
    for (const form of formsOf(mineral)) {
      const key = form.caseSensitive ? form.text : normalizeForm(form.text);
      const set = owners.get(key) ?? new Set<string>();
      set.add(mineral.id);
      owners.set(key, set);
    }
  }
  return [...owners].filter(([, ids]) => ids.size > 1).map(([text, ids]) => ({ text, minerals: [...ids] }));
}
