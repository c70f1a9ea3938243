// Applies fixes to the original text. Each fix is all-or-nothing; a fix that overlaps one already
// taken is skipped; an edit identical to one already taken (two fixes citing the same new footnote)
// is shared rather than applied twice. Pure insertions at one point (footnote definitions at the end
// of the brief) destroy no text, so they compose, in the order the fixes are given. Line breaks in
// inserted text follow the brief's own (CRLF, CR or LF), so a fix never mixes line endings.

import type { Fix, TextEdit } from './types';

export interface ApplyResult {
  text: string;
  /** Fixes applied, in the order given. */
  applied: Fix[];
  /** Fixes skipped because they overlap an applied fix or fall outside the text. */
  skipped: Fix[];
}

function same(a: TextEdit, b: TextEdit): boolean {
  return a.range.start === b.range.start && a.range.end === b.range.end && a.text === b.text;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** The line break a text mostly uses; LF when it has none. */
export function lineEnding(text: string): '\n' | '\r\n' | '\r' {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (const m of text.matchAll(/\r\n?|\n/g)) {
    if (m[0] === '\r\n') crlf++;
    else if (m[0] === '\r') cr++;
    else lf++;
  }
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
}

/** Applies non-overlapping fixes in order of their first edit, and reports what was skipped. */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const eol = lineEnding(text);
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  const order = fixes
    .map((fix, i) => ({ fix, i, start: Math.min(...fix.edits.map((e) => e.range.start)) }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  const position = new Map<TextEdit, number>();
  for (const { fix } of order) {
    const valid = fix.edits.length > 0 && fix.edits.every((e) => e.range.start >= 0 && e.range.end >= e.range.start && e.range.end <= text.length);
    const fresh = fix.edits.filter((e) => !taken.some((t) => same(t, e)));
    const conflict = fresh.some((e) => taken.some((t) => overlaps(t, e)));
    if (!valid || conflict) {
      skipped.push(fix);
      continue;
    }
    fresh.forEach((e, k) => position.set(e, taken.length + k));
    taken.push(...fresh);
    applied.push(fix);
  }
  const sorted = [...taken].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || position.get(a)! - position.get(b)!);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.range.start) + (eol === '\n' ? edit.text : edit.text.replace(/\r\n|\r|\n/g, eol));
    at = Math.max(at, edit.range.end);
  }
  out += text.slice(at);
  const byInput = (a: Fix, b: Fix) => fixes.indexOf(a) - fixes.indexOf(b);
  return { text: out, applied: applied.sort(byInput), skipped: skipped.sort(byInput) };
}
