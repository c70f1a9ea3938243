// "Insert current import share": after a mineral mention that has no figure nearby, insert China's
// latest share of US imports with its period and a citation in the brief's own style (a footnote
// when the brief uses footnotes, else an inline link).

import type { Claim, IsoDate, TextEdit } from '../types';
import type { Dataset } from '../dataset/types';
import { appendFootnotes, footnoteLabel, formatValue, sourceLinks, usesFootnotes } from './format';
import { latest } from './hover-card';

/** The paragraph (text between blank lines) around an offset. */
export function paragraphAt(text: string, offset: number): { start: number; end: number } {
  const blank = /\n[ \t]*\n/g;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(blank)) {
    const mStart = m.index;
    const mEnd = m.index + m[0].length;
    if (mEnd <= offset) start = mEnd;
    else if (mStart >= offset) {
      end = mStart;
      break;
    }
  }
  return { start, end };
}

/** True when the mention's paragraph already carries a figure claim about the same mineral. */
export function hasFigureNearby(text: string, claims: readonly Claim[], mention: Claim): boolean {
  const mineral = mention.minerals[0];
  const para = paragraphAt(text, mention.range.start);
  return claims.some((c) => c.kind === 'figure' && c.minerals.includes(mineral ?? '') && c.range.start < para.end && c.range.end > para.start);
}

/** The edits that insert the current China import share after a mention, or undefined when none applies. */
export function importShareEdits(text: string, claims: readonly Claim[], mention: Claim, dataset: Dataset, asOf: IsoDate): TextEdit[] | undefined {
  const mineral = mention.minerals[0];
  if (mention.kind !== 'mention' || !mineral || hasFigureNearby(text, claims, mention)) return undefined;
  const share = latest(dataset, mineral, 'import_share', 'CN', asOf);
  if (!share || share.value === null) return undefined;
  const link = sourceLinks(dataset, share.sources)[0];
  // Worded the way the claim extractor reads figures, so the inserted text is itself checked (and
  // verified) like any other sentence of the brief.
  const name = dataset.mineral(mineral)?.name ?? mineral;
  const scope = share.scope ? ` (${share.scope})` : '';
  const period = share.period.label.replace(/ average$/, '');
  const figure = `China supplied ${formatValue(share)} of US imports of ${name}${scope} in ${period}`;
  const at = (mention.mentionRanges?.[0] ?? mention.range).end;
  if (!link) return [{ range: { start: at, end: at }, text: ` (${figure})` }];
  if (usesFootnotes(text)) {
    const label = footnoteLabel(link.id);
    const edits: TextEdit[] = [{ range: { start: at, end: at }, text: ` (${figure})[^${label}]` }];
    const notes = appendFootnotes(text, [{ label, link }]);
    if (notes) edits.push({ range: { start: notes.offset, end: notes.offset }, text: notes.text });
    return edits;
  }
  return [{ range: { start: at, end: at }, text: ` (${figure}; [${link.title}](${link.url}))` }];
}
