// The output formats by name; each is one file with one `(results, context) => string` function.

import type { Formatter } from '../results';
import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, junit };
export const FORMAT_NAMES = Object.keys(formatters);
