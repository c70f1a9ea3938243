// Seeded random edits of generated briefs for the parser differential suite: pieces of Markdown a
// user types or pastes (block structure, inline markup, references, HTML, links, CRLF) inserted at
// random places, with random deletions. The same seed always gives the same text.

import { generateBrief, mulberry32 } from '../bench/corpus.mjs';

const PIECES = [
  '\n', '\n\n', ' ', '    ', 'x', '1', '-', '*', '_', '`', '```', '~~~', '#', '>', '|', '[', ']', '^', ':', '\\', '<', '!',
  '<!--', '-->', '<pre>', '</pre>', '---', '[^1]', '[^1]: note', '[^a]: defined\n', '[x]: https://e.org\n', '[x]', '[t][x]',
  '- ', '1. ', '| a | b |\n| - | - |\n', 'gallium', 'antimony oxides', ' 63% ', 'in 2024', 'China bans exports of gallium to the US.',
  '<!-- briefcheck-disable-next-line stale-figure -->\n', '<div>', '\n[^2]: two\n[^3]: three\n', '---\nas_of: 2025-01-01\n---\n', '&amp;', '\u00a0', '\r\n',
  '~', '**', '&#99;', '&copy;', '<https://a.org>', 'www.e.org', '![i](u)', '[l](<u v> "t")', '\t', '  \n', '\\\n', '===', '***',
];

// More of what the two parsers have read differently: numbered items, nested containers, other
// spaces, declarations, tag names, wide gaps after a footnote label.
const MORE_PIECES = [
  ...PIECES, '2. ', '1) ', '2021.', '\n> ', '> - ', '- > ', '\n   ', '\u00a0www.e.org', '<!x ', '<a_b>', '[^1]:     ', '**a*', '*b**',
  '[x][l]', '(u)', '\n[^9]: ', '\n    ', '<!-- c -->', '\u2003', '`', '[^x]', '\n1. ', '\n- ',
];

function edit(seed: number, edits: number, pieces: readonly string[]): string {
  const rng = mulberry32(seed * 7919);
  let text = generateBrief(1 + (seed % 500), 40);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rng() * (text.length + 1));
    const remove = rng() < 0.5 ? 0 : Math.floor(rng() * 12);
    let insert = '';
    for (let j = 1 + Math.floor(rng() * 3); j > 0; j--) insert += pieces[Math.floor(rng() * pieces.length)];
    text = text.slice(0, at) + insert + text.slice(at + remove);
  }
  return text;
}

/** A 40-line generated brief after six random edits. */
export function editedBrief(seed: number): string {
  return edit(seed, 6, PIECES);
}

/** A 40-line generated brief after ten random edits from a wider set of pieces. */
export function editedBriefWide(seed: number): string {
  return edit(seed, 10, MORE_PIECES);
}
