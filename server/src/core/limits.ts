// Bounded work: limits no real brief meets, applied to the text before any parser sees it, so
// every parser gets them. Past a limit the text is masked (its characters become spaces, line
// breaks kept, so every offset stays the same) or cut, what remains is checked as usual, and one
// `briefcheck/limits` notice says where checking stopped. Linear in the text; never throws.

import { afterLineEnd, lineEnds } from './lines';
import type { BriefResult, Problem, Range } from './types';

export const LIMITS_RULE = 'briefcheck/limits';

export interface Limits {
  /** Characters (UTF-16 code units) checked in one brief; the rest is not read. */
  maxChars: number;
  /** Characters checked on one line; the rest of the line is masked. */
  maxLineLength: number;
  /** Block quotes and list items opened on one line (indentation counts one per two columns). */
  maxNesting: number;
  /** Rows checked in one table. */
  maxTableRows: number;
  /** Lines checked in one run of lines with no blank line between them (a paragraph, a table, a list). */
  maxBlockLines: number;
  /** Emphasis delimiters (`*`, `_`) in one such run outside a table; the lines past them are masked. */
  maxDelimiters: number;
}

/**
 * Real briefs run to tens of kilobytes, lines of a few thousand characters, a handful of nesting
 * levels, tables of under a hundred rows and a few dozen emphasis markers in a paragraph. Past these the parser's cost grows faster than the
 * text (docs/reliability.md has the measurements).
 */
export const LIMITS: Limits = { maxChars: 300_000, maxLineLength: 10_000, maxNesting: 32, maxTableRows: 500, maxBlockLines: 1_000, maxDelimiters: 500 };

export interface Guarded {
  /** The text to check: the original, masked past the limits and cut after `maxChars`. */
  text: string;
  /** Where checking first stopped and why; undefined when the brief is within every limit. */
  notice?: { message: string; range: Range };
  /** True when the text was cut (fixes near the cut would be placed wrongly, so none are offered). */
  cut: boolean;
}

interface Hit {
  message: string;
  at: number;
  end: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Container markers and indentation at the start of a line, as nesting levels. */
function nestingOf(line: string): number {
  let depth = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      // Indentation before the first marker nests lists; spaces after a marker only separate.
      if (depth === 0) columns += ch === ' ' ? 1 : 4;
      i++;
    } else if (ch === '>') {
      depth++;
      i++;
    } else if ((ch === '-' || ch === '*' || ch === '+') && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) {
      depth++;
      i++;
    } else {
      // Most lines start with a letter: no need to try an ordered list marker on them.
      if (ch < '0' || ch > '9') break;
      const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
      if (!m) break;
      depth++;
      i += m[0].length;
    }
  }
  return depth + Math.floor(columns / 2);
}

/**
 * The last line break at or before `from`, or -1. A backward search of a long brief for a "\r" it
 * does not hold would read it all, and the editor guards the brief on every keystroke.
 */
function lastLineBreak(text: string, from: number): number {
  let at = from;
  while (at >= 0 && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at--;
  return at;
}

/** `line.trim() === ''`, without a trimmed copy of every line: trim's white space is all below "!" or above "~". */
function isBlank(line: string): boolean {
  const c = line.charCodeAt(0);
  return line.length === 0 || ((c < 33 || c > 126) && line.trim() === '');
}

/** `count` plus the emphasis delimiters (`*`, `_`) of `line`, stopping once past `cap`. */
function addDelimiters(line: string, count: number, cap: number): number {
  // indexOf skips the plain text between delimiters far faster than a loop over every character.
  for (const marker of ['*', '_']) {
    for (let i = line.indexOf(marker); i !== -1 && count <= cap; i = line.indexOf(marker, i + 1)) count++;
  }
  return count;
}

const delimiterRow = /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Applies `limits` to `text`; see the file comment. */
export function guardText(text: string, limits: Limits = LIMITS): Guarded {
  const hits: Hit[] = [];
  let source = text;
  let cut = false;
  if (source.length > limits.maxChars) {
    const lineEnd = lastLineBreak(source, limits.maxChars - 1);
    const at = lineEnd > 0 ? lineEnd + 1 : limits.maxChars;
    // Not the brief's length: the notice stays the same while the brief is typed in, so an editor
    // holding it need not be sent every diagnostic again (lsp/diagnostics.ts).
    hits.push({ message: `This brief is longer than the limit of ${fmt(limits.maxChars)} characters: nothing after this point is checked.`, at, end: at });
    source = source.slice(0, at);
    cut = true;
  }
  const parts: string[] = [];
  let masked = false;
  let kept = 0;
  const mask = (from: number, to: number) => {
    parts.push(source.slice(kept, from), source.slice(from, to).replace(/[^\r\n]/g, ' '));
    kept = to;
    masked = true;
  };
  let tableRows = -1;
  let blockLines = 0;
  let delimiters = 0;
  let previous = '';
  const lineEnd = lineEnds(source);
  for (let start = 0; start < source.length; ) {
    const end = lineEnd(start);
    const line = source.slice(start, end);
    const depth = nestingOf(line.length > 4 * limits.maxNesting + 64 ? line.slice(0, 4 * limits.maxNesting + 64) : line);
    const blank = isBlank(line);
    blockLines = blank ? 0 : blockLines + 1;
    const before = delimiters;
    if (blank) delimiters = 0;
    else if (tableRows < 0 && before <= limits.maxDelimiters) delimiters = addDelimiters(line, delimiters, limits.maxDelimiters);
    if (blank) tableRows = -1;
    else if (tableRows >= 0) tableRows++;
    else if (previous.includes('|') && delimiterRow.test(line) && line.includes('-')) tableRows = 0;
    if (depth > limits.maxNesting) {
      hits.push({ message: `This line opens more than ${limits.maxNesting} nested block quotes, list items or indentation levels, the limit: it is not checked.`, at: start, end });
      mask(start, end);
    } else if (tableRows > limits.maxTableRows) {
      if (tableRows === limits.maxTableRows + 1) hits.push({ message: `This table has more than ${fmt(limits.maxTableRows)} rows: rows from here to the table's end are not checked.`, at: start, end });
      mask(start, end);
    } else if (blockLines > limits.maxBlockLines) {
      if (blockLines === limits.maxBlockLines + 1) hits.push({ message: `This paragraph, list or table runs to more than ${fmt(limits.maxBlockLines)} lines with no blank line: lines from here to its end are not checked.`, at: start, end });
      mask(start, end);
    } else if (delimiters > limits.maxDelimiters) {
      if (before <= limits.maxDelimiters) hits.push({ message: `This paragraph holds more than ${fmt(limits.maxDelimiters)} emphasis markers (* and _): lines from here to its end are not checked.`, at: start, end });
      mask(start, end);
    } else if (line.length > limits.maxLineLength) {
      const space = line.lastIndexOf(' ', limits.maxLineLength);
      const from = start + (space > limits.maxLineLength - 200 ? space : limits.maxLineLength);
      hits.push({ message: `This line is ${fmt(line.length)} characters long, over the limit of ${fmt(limits.maxLineLength)}: the rest of it is not checked.`, at: from, end });
      mask(from, end);
    }
    previous = line;
    start = afterLineEnd(source, end);
  }
  if (masked) {
    parts.push(source.slice(kept));
    source = parts.join('');
  }
  if (hits.length === 0) return { text, cut: false };
  hits.sort((a, b) => a.at - b.at);
  const first = hits[0]!;
  const more = hits.length - 1;
  const message = `briefcheck stopped checking here. ${first.message}${more > 0 ? ` ${fmt(more)} more place${more === 1 ? '' : 's'} past the limits ${more === 1 ? 'is' : 'are'} not checked either.` : ''}`;
  return { text: source, cut, notice: { message, range: { start: first.at, end: Math.max(first.at, Math.min(first.end, first.at + 200)) } } };
}

/** The notice as a problem: a warning that no directive silences. */
export function limitsProblem(notice: NonNullable<Guarded['notice']>): Problem {
  return { ruleId: LIMITS_RULE, severity: 'warning', messageId: 'limits', message: notice.message, range: notice.range };
}

function withoutFix({ fix: _fix, ...problem }: Problem): Problem {
  return problem;
}

/**
 * Checks `text` within the limits: `check` sees the guarded text (same offsets) and the notice, if
 * any, joins its problems in order. A cut text offers no fixes.
 */
export function checkWithinLimits(text: string, check: (guardedText: string) => BriefResult, limits: Limits = LIMITS): BriefResult {
  const guarded = guardText(text, limits);
  const result = check(guarded.text);
  if (!guarded.notice) return result;
  const notice = limitsProblem(guarded.notice);
  // Problems without a fix are kept as they are: an editor keeps them between checks of a long brief.
  const problems = guarded.cut ? result.problems.map((p) => (p.fix ? withoutFix(p) : p)) : result.problems.slice();
  const at = problems.findIndex((p) => p.range.start > notice.range.start);
  problems.splice(at === -1 ? problems.length : at, 0, notice);
  return { ...result, problems };
}
