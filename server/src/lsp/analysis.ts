// Per-document analysis, cached by document version and by a generation that changes whenever
// settings, a configuration file or a dataset overlay changes. Hover, code actions, inlay hints
// and the Claims view all read the cached result instead of checking the brief again; the claims
// themselves stay with the checker, which answers for the range a request needs.
// A brief opened unchanged since an earlier start is answered first with the result remembered then
// (node/result-memory.ts), while its check runs; a long brief not checked before, with its top.

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkBrief } from '../core/check';
import type { BriefResult, IsoDate, Range, ResolvedConfig } from '../core/types';
import type { Dataset } from '../core/dataset/types';
import { createConfigLoader, formatConfigError, resolveConfig } from '../node/config';
import { formatDataError, loadDataset } from '../node/dataset';
import { TOP_MIN_CHARS } from '../core/incremental/top';
import { sameProblems } from '../core/shown';
import type { ResultMemory } from '../node/result-memory';
import { createDocumentChecker, type CheckedBrief, type DocumentChecker, type IndexedClaim } from './checker';
import { parseSettings, settingsAsDefaults, type EditorSettings } from './settings';

export interface AnalyzerHost {
  /** The client's `briefcheck` settings for a resource (undefined when the client has none). */
  settingsFor(uri: string): Promise<unknown>;
  /** The workspace folder (a file-system path) that holds the resource, if any. */
  folderOf(uri: string): string | undefined;
  today(): IsoDate;
  logError(message: string): void;
  /** A problem the user must see once (bad configuration, bad overlay). */
  warnOnce(message: string): void;
  /** Whether the editor pulls diagnostics again when asked: then a long brief's top is checked first. */
  topFirst?(): boolean;
}

export interface LoadedDataset {
  dataset: Dataset;
  overlays: string[];
  errors: string[];
}

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  settings: EditorSettings;
  config: ResolvedConfig;
  today: IsoDate;
  /** Undefined when checking is disabled for the document or failed. */
  result?: CheckedBrief;
  data?: LoadedDataset;
  error?: string;
  /** How long the check itself took, in ms (settings and dataset loading excluded). */
  checkMs?: number;
  /** Only the top of a long brief (core/incremental/top.ts): the whole brief's analysis follows. */
  partial?: boolean;
  /**
   * The result an earlier start remembered for the same text and inputs, before this start's check
   * of it (which follows), and whether that check finds the same problems. Its result has the
   * problems and as-of date only: no minerals, no claims.
   */
  remembered?: { agrees: Promise<boolean> };
}

interface Entry {
  version: number;
  generation: number;
  analysis: Promise<Analysis>;
  /** The analysis of the top, for a long brief checked top first. */
  top?: Promise<Analysis | undefined>;
  /** The result remembered from an earlier start, for a document just opened. */
  remembered?: Promise<Analysis | undefined>;
}

interface Prepared {
  base: Analysis;
  data?: LoadedDataset;
  /** Why the dataset could not be loaded. */
  failure?: unknown;
}

/** A remembered result: its entry and its as-of date (the same entry holds a new day's result for an undated brief). */
const rememberedAs = (key: string, asOf: string) => `${key}@${asOf}`;

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class Analyzer {
  /** Changes whenever something other than the text can change a result. */
  generation = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly settings = new Map<string, Promise<EditorSettings>>();
  private readonly datasets = new Map<string, Promise<LoadedDataset>>();
  private readonly failing = new Set<string>();
  private readonly configs = createConfigLoader();
  /**
   * Per document, so a keystroke re-reads only the part of the brief it touched (same results as
   * checkBrief), and on a worker thread, so one document's check never holds up requests on others.
   */
  private readonly checker: DocumentChecker;
  /** What each document's result was last remembered as (rememberedAs), so it is not written again unchanged. */
  private readonly rememberedKeys = new Map<string, string>();

  constructor(
    private readonly host: AnalyzerHost,
    checker: DocumentChecker = createDocumentChecker(),
    private readonly memory?: ResultMemory,
  ) {
    this.checker = checker;
  }

  /** The analysis of the document's current version, computed once per version and generation. */
  analyze(doc: TextDocument): Promise<Analysis> {
    const entry = this.entries.get(doc.uri);
    if (entry && entry.version === doc.version && entry.generation === this.generation) return entry.analysis;
    const text = doc.getText();
    const prepared = this.prepare(doc.uri, doc.version, text);
    // A long brief not checked before (just opened, or after a settings change): its top first.
    // Asked for before the whole, so the checker answers it first.
    const top = !entry && text.length >= TOP_MIN_CHARS && this.host.topFirst?.() ? this.checkTop(prepared, text) : undefined;
    const analysis = this.checkWhole(prepared, text);
    const remembered = !entry && this.memory ? this.recall(this.memory, prepared, text, analysis) : undefined;
    this.entries.set(doc.uri, { version: doc.version, generation: this.generation, analysis, ...(top ? { top } : {}), ...(remembered ? { remembered } : {}) });
    return analysis;
  }

  /**
   * What may answer before the whole analysis of the document's current version: the result an
   * earlier start remembered, else a long brief's top. It settles with undefined when there is
   * neither.
   */
  early(doc: TextDocument): Promise<Analysis | undefined> | undefined {
    const entry = this.entries.get(doc.uri);
    if (!entry || entry.version !== doc.version || entry.generation !== this.generation) return undefined;
    const { remembered, top } = entry;
    if (remembered && top) return remembered.then((r) => r ?? top);
    return remembered ?? top;
  }

  /** Remembers the document's latest result for later starts (when it is saved or closed). */
  remember(uri: string): void {
    const entry = this.entries.get(uri);
    const last = this.rememberedKeys.get(uri);
    if (entry) void entry.analysis.then((a) => this.keep(a, last), () => {});
  }

  /**
   * The claims of an analysis that touch `range` (all without one), with their indexes in the
   * check; empty when the analysis has no result or a later check of the document replaced it.
   */
  async claims(analysis: Analysis, range?: Range): Promise<IndexedClaim[]> {
    if (!analysis.result) return [];
    return (await this.checker.claims(analysis.uri, analysis.result.check, range)) ?? [];
  }

  /** Checks a text that is not (yet) a document version, e.g. fix-all's later passes. */
  async recheck(base: Analysis, text: string): Promise<BriefResult | undefined> {
    if (!base.data) return undefined;
    return checkBrief(text, base.data.dataset, { config: base.config, today: base.today });
  }

  /** A closed document: nothing of it is kept (but its remembered result). */
  forget(uri: string): void {
    this.remember(uri);
    this.rememberedKeys.delete(uri);
    this.entries.delete(uri);
    this.settings.delete(uri);
    this.checker.forget(uri);
    this.failing.delete(uri);
  }

  /** Settings changed: everything is pulled and checked again. */
  settingsChanged(): void {
    this.settings.clear();
    this.bump();
  }

  configFileChanged(): void {
    this.configs.clear();
    this.bump();
  }

  /** An overlay file changed; returns whether any loaded dataset used it. */
  overlayChanged(path: string): boolean {
    let hit = false;
    for (const key of [...this.datasets.keys()]) {
      if (key.split('\n').includes(path)) {
        this.datasets.delete(key);
        hit = true;
      }
    }
    if (hit) this.bump();
    return hit;
  }

  /** Every overlay path some loaded dataset uses, to watch them. */
  overlayPaths(): string[] {
    return [...new Set([...this.datasets.keys()].flatMap((k) => k.split('\n')).filter((p) => p.length > 0))];
  }

  async datasetFor(overlays: readonly string[]): Promise<LoadedDataset> {
    const key = [...overlays].sort().join('\n');
    let pending = this.datasets.get(key);
    if (!pending) {
      pending = Promise.resolve(loadDataset([...overlays])).then(({ dataset, errors }) => {
        const messages = errors.map(formatDataError);
        for (const m of messages) this.host.warnOnce(`briefcheck: dataset overlay: ${m}`);
        // Hashed now, while the editor opens its first document, not when a first pull waits on it.
        this.memory?.datasetHash(dataset.files);
        return { dataset, overlays: [...overlays], errors: messages };
      });
      // A failed load is not cached: the next check tries again (after the overlay is fixed).
      pending.catch(() => this.datasets.delete(key));
      this.datasets.set(key, pending);
    }
    return pending;
  }

  private bump(): void {
    this.generation++;
    this.entries.clear();
  }

  private settingsFor(uri: string): Promise<EditorSettings> {
    let pending = this.settings.get(uri);
    if (!pending) {
      pending = this.host.settingsFor(uri).then(parseSettings, () => parseSettings(undefined));
      this.settings.set(uri, pending);
    }
    return pending;
  }

  private async configFor(uri: string, settings: EditorSettings): Promise<ResolvedConfig> {
    const folder = this.host.folderOf(uri);
    const defaults = settingsAsDefaults(settings, folder);
    const path = uriToPath(uri) ?? (folder ? join(folder, 'untitled.md') : undefined);
    if (!path) return resolveConfig({}, undefined, { defaults });
    const loaded = await this.configs.loadConfigFor(path, { defaults, ...(folder ? { cwd: folder } : {}) });
    for (const e of loaded.errors) this.host.warnOnce(`briefcheck: ${formatConfigError(e)}`);
    return loaded.config;
  }

  private async prepare(uri: string, version: number, text: string): Promise<Prepared> {
    const today = this.host.today();
    const settings = await this.settingsFor(uri);
    const config = await this.configFor(uri, settings);
    const base: Analysis = { uri, version, text, settings, config, today };
    if (!settings.enable) return { base };
    try {
      return { base, data: await this.datasetFor(config.data) };
    } catch (failure) {
      return { base, failure };
    }
  }

  /**
   * The result remembered for this text and these inputs, if any. Once the check is done, its
   * result is remembered in turn, unless it is the one remembered already.
   */
  private async recall(memory: ResultMemory, prepared: Promise<Prepared>, text: string, whole: Promise<Analysis>): Promise<Analysis | undefined> {
    const { base, data } = await prepared;
    if (!data) return undefined;
    const key = memory.keyOf(text, data.dataset.files, { config: base.config, today: base.today });
    const found = memory.recall(key, text, base.today);
    if (!found) {
      void whole.then((a) => this.keep(a, this.rememberedKeys.get(a.uri)), () => {});
      return undefined;
    }
    this.rememberedKeys.set(base.uri, rememberedAs(key, found.asOf));
    const agrees = whole.then((a) => a.result !== undefined && sameProblems(found.problems, a.result.problems), () => false);
    // What the check found instead replaces the entry, under the same key.
    void Promise.all([whole, agrees]).then(([a, same]) => same || this.keep(a, undefined), () => {});
    // No check of this start stands behind it: its check id asks the checker for no claims.
    return { ...base, data, result: { ...found, minerals: [], check: -1 }, remembered: { agrees } };
  }

  /** Remembers an analysis's result, unless `last`, what its document's result was last remembered as, names it. */
  private keep(analysis: Analysis, last: string | undefined): void {
    const { memory } = this;
    if (!memory || !analysis.result || !analysis.data || analysis.partial || analysis.remembered) return;
    const key = memory.keyOf(analysis.text, analysis.data.dataset.files, { config: analysis.config, today: analysis.today });
    const token = rememberedAs(key, analysis.result.asOf);
    if (token === last) return;
    // A document closed meanwhile keeps no token here.
    if (this.entries.has(analysis.uri)) this.rememberedKeys.set(analysis.uri, token);
    void memory.remember(key, analysis.result);
  }

  private async checkTop(prepared: Promise<Prepared>, text: string): Promise<Analysis | undefined> {
    const { base, data } = await prepared;
    if (!data) return undefined;
    try {
      const result = await this.checker.checkTop(base.uri, text, data.dataset, { config: base.config, today: base.today });
      return result ? { ...base, data, result, partial: true } : undefined;
    } catch {
      // The whole check reports what went wrong.
      return undefined;
    }
  }

  private async checkWhole(prepared: Promise<Prepared>, text: string): Promise<Analysis> {
    const { base, data, failure } = await prepared;
    const { uri } = base;
    if (!base.settings.enable) return base;
    try {
      if (!data) throw failure;
      const started = performance.now();
      const result = await this.checker.check(uri, text, data.dataset, { config: base.config, today: base.today });
      const checkMs = performance.now() - started;
      this.failing.delete(uri);
      return { ...base, data, result, checkMs };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // One logged error per document until it checks cleanly again, not one per keystroke.
      if (!this.failing.has(uri)) {
        this.failing.add(uri);
        this.host.logError(`briefcheck: checking ${uri} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
      }
      return { ...base, error: message };
    }
  }
}
