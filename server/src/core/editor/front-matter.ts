// The edit that sets a brief's as-of date: replaces `as_of:` in its YAML front matter, adds the
// key to existing front matter, or adds front matter at the top.

import type { TextEdit } from '../types';

export function setAsOfEdit(text: string, date: string): TextEdit {
  const fence = /^(?:\uFEFF)?---[ \t]*\r?\n/.exec(text);
  if (fence) {
    const bodyStart = fence[0].length;
    const close = /^---[ \t]*\r?$/m;
    const rest = text.slice(bodyStart);
    const end = close.exec(rest);
    if (end) {
      const body = rest.slice(0, end.index);
      const key = /^as_of:[^\r\n]*$/m.exec(body);
      if (key) return { range: { start: bodyStart + key.index, end: bodyStart + key.index + key[0].length }, text: `as_of: ${date}` };
      return { range: { start: bodyStart, end: bodyStart }, text: `as_of: ${date}\n` };
    }
  }
  return { range: { start: 0, end: 0 }, text: `---\nas_of: ${date}\n---\n\n` };
}
