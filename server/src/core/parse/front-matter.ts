// Reads the brief's YAML front matter for the dates that set its as-of date (`as_of:`, `date:`).
// Malformed YAML or dates become problems with ranges, never exceptions.

import { parse as parseYaml } from 'yaml';
import type { IsoDate, Range } from '../types';
import type { FrontMatter } from './types';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function dateValue(value: unknown): IsoDate | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const trimmed = value.trim().slice(0, 10);
    if (isIsoDate(trimmed) && (value.trim().length === 10 || /^[T ]/.test(value.trim().slice(10)))) return trimmed;
  }
  return undefined;
}

export function readFrontMatter(yamlText: string, range: Range): FrontMatter {
  const result: FrontMatter = { problems: [] };
  let data: unknown;
  try {
    // logLevel 'error': the library would print its warnings (anchors, merge keys) on the process's stderr.
    data = parseYaml(yamlText, { logLevel: 'error' });
  } catch {
    result.problems.push({ message: 'The front matter is not valid YAML, so its date is ignored.', range });
    return result;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return result;
  const record = data as Record<string, unknown>;
  for (const key of ['as_of', 'date'] as const) {
    if (!(key in record)) continue;
    const value = dateValue(record[key]);
    if (value === undefined) {
      result.problems.push({ message: `Front matter \`${key}\` is not a date of the form YYYY-MM-DD, so it is ignored.`, range });
    } else if (key === 'as_of') {
      result.asOf = value;
    } else {
      result.date = value;
    }
  }
  return result;
}
