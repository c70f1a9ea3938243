// The date a brief is checked as of: the CLI's --as-of (so an archive can be re-checked as of today),
// else front matter `as_of:` or `date:`, else the configured `asOf`, else today.

import type { FrontMatter } from './parse/types';
import type { AsOfSource, CheckOptions, IsoDate } from './types';

export function resolveAsOf(frontMatter: FrontMatter, options: CheckOptions): { asOf: IsoDate; asOfSource: AsOfSource } {
  if (options.asOfOverride) return { asOf: options.asOfOverride, asOfSource: 'override' };
  const fromBrief = frontMatter.asOf ?? frontMatter.date;
  if (fromBrief) return { asOf: fromBrief, asOfSource: 'front-matter' };
  if (options.config.asOf) return { asOf: options.config.asOf, asOfSource: 'config' };
  return { asOf: options.today, asOfSource: 'today' };
}
