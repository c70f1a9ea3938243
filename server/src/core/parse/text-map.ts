// Maps offsets in a block's plain text back to offsets in the original Markdown. Text is built
// from runs of source characters, so each run keeps its own start and positions stay exact.

import type { Range } from '../types';

/** A run of plain-text characters that come from consecutive source characters. */
export interface Segment {
  textStart: number;
  sourceStart: number;
  length: number;
}

/** Builds a block's plain text and the segments that map it back to the source. */
export class TextBuilder {
  text = '';
  readonly segments: Segment[] = [];

  /** Appends text that stands for no source characters (a separator), anchored at `sourceAt`. */
  appendSynthetic(value: string, sourceAt: number): void {
    for (let i = 0; i < value.length; i++) this.pushChar(value[i]!, sourceAt);
  }

  /**
   * Appends a text node's value, aligning it with its source slice. Escapes and character
   * references make the two differ; unmatched source characters are skipped.
   */
  appendAligned(value: string, source: string, sourceStart: number): void {
    if (value === source) {
      this.segments.push({ textStart: this.text.length, sourceStart, length: value.length });
      this.text += value;
      return;
    }
    let j = 0;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      let k = j;
      while (k < source.length && source[k] !== ch) k++;
      if (k < source.length) {
        this.pushChar(ch, sourceStart + k);
        j = k + 1;
      } else {
        this.pushChar(ch, sourceStart + Math.min(j, Math.max(source.length - 1, 0)));
      }
    }
  }

  private pushChar(ch: string, sourceAt: number): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.textStart + last.length === this.text.length && last.sourceStart + last.length === sourceAt) {
      last.length++;
    } else {
      this.segments.push({ textStart: this.text.length, sourceStart: sourceAt, length: 1 });
    }
    this.text += ch;
  }
}

/** The source offset of a text offset (an offset at the very end maps past the last character). */
export function toSource(segments: readonly Segment[], textOffset: number): number {
  if (segments.length === 0) return 0;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.textStart <= textOffset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segments[lo]!;
  return seg.sourceStart + Math.min(textOffset - seg.textStart, seg.length);
}

/** Maps a half-open text range to the source range it covers. */
export function toSourceRange(segments: readonly Segment[], range: Range): Range {
  if (range.end <= range.start) {
    const at = toSource(segments, range.start);
    return { start: at, end: at };
  }
  return { start: toSource(segments, range.start), end: toSource(segments, range.end - 1) + 1 };
}
