// data-age: one notice per brief checked long after the dataset's last source seen, so a reader
// knows that statuses are presumed unchanged since then and that newer figures may be missing.

import { lastConfirmed } from '../dataset/status';
import { defineRule } from './define-rule';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export default defineRule({
  id: 'data-age',
  meta: {
    description: "A brief checked long after the dataset's last source: statuses are presumed unchanged and newer figures may be missing",
    defaultSeverity: 'info',
    fixable: false,
    messages: {
      old: "The dataset's newest source is dated {latestSource}, {days} days before this brief's date {asOf}: statuses are judged on the last known record (last confirmed {latestSource}) and newer figures may be missing. Update the data (briefcheck data import) or set the brief's as-of date.",
    },
    defaultOptions: { maxAgeDays: 90 },
    scope: 'brief',
  },
  check(brief, context) {
    const latest = lastConfirmed(context.dataset.meta);
    const days = daysBetween(latest, brief.asOf);
    const limit = Number(context.options.maxAgeDays);
    if (!Number.isFinite(limit) || days <= limit) return;
    // A brief with nothing checked against the data needs no word about the data's age.
    if (!brief.claims.some((c) => c.kind !== 'mention')) return;
    context.report({ messageId: 'old', range: { start: 0, end: 0 }, data: { latestSource: latest, days, asOf: brief.asOf } });
  },
});
