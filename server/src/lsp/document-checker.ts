// What checks a document for the server: the interface, the messages a check worker exchanges, and
// the checker that runs on the calling thread (the web server's, and the Node server's when run
// from source). No Node API here, so the web bundle can use it.

import { createIncrementalChecker, type IncrementalChecker } from '../core/incremental/index';
import type { Dataset, DatasetFiles } from '../core/dataset/types';
import type { BriefResult, CheckOptions } from '../core/types';

export type CheckRequest =
  | { type: 'check'; id: number; uri: string; text: string; options: CheckOptions; datasetKey: string; datasetFiles?: DatasetFiles }
  | { type: 'forget'; uri: string };

export type CheckReply = { id: number; result: BriefResult } | { id: number; error: string; stack?: string };

export interface DocumentChecker {
  check(uri: string, text: string, dataset: Dataset, options: CheckOptions): Promise<BriefResult>;
  /** A closed document: its checker and what it holds are dropped. */
  forget(uri: string): void;
  close(): Promise<void>;
}

export class InThreadChecker implements DocumentChecker {
  private readonly checkers = new Map<string, IncrementalChecker>();

  async check(uri: string, text: string, dataset: Dataset, options: CheckOptions): Promise<BriefResult> {
    let checker = this.checkers.get(uri);
    if (!checker) this.checkers.set(uri, (checker = createIncrementalChecker()));
    return checker.check(text, dataset, options);
  }

  forget(uri: string): void {
    this.checkers.delete(uri);
  }

  async close(): Promise<void> {}
}
