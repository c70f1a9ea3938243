// Editor settings as the server pulls them per resource (workspace/configuration), normalised, and
// turned into the configuration defaults that a `.briefcheck.json` overrides.

import { isAbsolute, resolve } from 'node:path';
import type { ConfigInput } from '../node/config';
import type { RuleSetting, Severity } from '../core/types';

export interface EditorSettings {
  enable: boolean;
  asOf?: string;
  rules: Record<string, Severity | Partial<RuleSetting>>;
  data: string[];
  inlayHints: boolean;
}

export const defaultSettings: EditorSettings = { enable: true, rules: {}, data: [], inlayHints: true };

const severities = new Set(['error', 'warning', 'info', 'off']);

/** Accepts whatever the client sends for the `briefcheck` section and keeps only what is well formed. */
export function parseSettings(raw: unknown): EditorSettings {
  if (typeof raw !== 'object' || raw === null) return { ...defaultSettings };
  const r = raw as Record<string, unknown>;
  const settings: EditorSettings = {
    enable: typeof r.enable === 'boolean' ? r.enable : true,
    rules: {},
    data: Array.isArray(r.data) ? r.data.filter((p): p is string => typeof p === 'string' && p.length > 0) : [],
    inlayHints: readInlayHints(r.inlayHints),
  };
  if (typeof r.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.asOf)) settings.asOf = r.asOf;
  if (typeof r.rules === 'object' && r.rules !== null) {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && severities.has(value)) settings.rules[id] = value as Severity;
      else if (typeof value === 'object' && value !== null) settings.rules[id] = value as Partial<RuleSetting>;
    }
  }
  return settings;
}

function readInlayHints(value: unknown): boolean {
  if (typeof value === 'object' && value !== null && typeof (value as { enable?: unknown }).enable === 'boolean') {
    return (value as { enable: boolean }).enable;
  }
  return true;
}

/** The settings as configuration defaults; relative overlay paths resolve against the workspace folder. */
export function settingsAsDefaults(settings: EditorSettings, folder: string | undefined): ConfigInput {
  const defaults: ConfigInput = { rules: settings.rules };
  if (settings.asOf) defaults.asOf = settings.asOf;
  if (settings.data.length > 0) defaults.data = settings.data.map((p) => (isAbsolute(p) || !folder ? p : resolve(folder, p)));
  return defaults;
}
