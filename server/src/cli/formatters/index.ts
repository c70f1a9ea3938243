// The output formats by name; each is one file with one `(results, context) => string` function.
// Formats that can be written one brief at a time also offer a stream, which the command uses.

import type { Formatter, StreamFormatter } from '../results';
import { github, githubStream } from './github';
import { gitlab } from './gitlab';
import { json, jsonStream } from './json';
import { junit } from './junit';
import { markdown } from './markdown';
import { sarif } from './sarif';
import { stylish, stylishStream } from './stylish';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, gitlab, junit, markdown };
export const FORMAT_NAMES = Object.keys(formatters);
export const streamFormatters: Record<string, StreamFormatter> = { stylish: stylishStream, json: jsonStream, github: githubStream };
