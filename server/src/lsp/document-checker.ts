// What checks a document for the server: the interface, the messages a check worker exchanges, and
// the checker that runs on the calling thread (the web server's, and the Node server's when run
// from source). No Node API here, so the web bundle can use it.
//
// A long brief's claims stay with the checker that made them: they are thousands of objects, and
// copying them to the main thread after every keystroke cost more than the check. Hovers, inlay
// hints and code actions ask for the few claims in their range instead, and the Claims view for
// all of them. A brief with few claims sends them with its result, so requests on it are answered
// at once even while the check thread is busy with a long brief.

import { mentionedMinerals } from '../core/editor/control-table';
import { createIncrementalChecker, type IncrementalChecker } from '../core/incremental/index';
import { topOfBrief, topProblems } from '../core/incremental/top';
import type { Dataset, DatasetFiles } from '../core/dataset/types';
import type { BriefResult, CheckOptions, Claim, Problem, Range } from '../core/types';
import type { ProblemDelta } from './problem-delta';

/** A check's result as the server's main thread holds it: everything but the claims. */
export interface CheckedBrief extends Omit<BriefResult, 'claims'> {
  /** Mineral ids in the order the brief first names them (what the control-status table lists). */
  minerals: string[];
  /** This check, for asking its checker for its claims. */
  check: number;
}

/** A claim and its index in the check's claims (what problems' `claim` refers to). */
export interface IndexedClaim {
  index: number;
  claim: Claim;
}

export type CheckRequest =
  /** `top`: check only the top of a long brief (core/incremental/top.ts), if it has one. */
  | { type: 'check'; id: number; uri: string; text: string; options: CheckOptions; datasetKey: string; datasetFiles?: DatasetFiles; top?: boolean }
  | { type: 'claims'; id: number; uri: string; check: number; range?: Range }
  | { type: 'forget'; uri: string };

/** A check's claims travel with its result up to this many (about 10 ms of copying). */
export const INLINE_CLAIMS = 1000;

export type CheckReply =
  | {
      id: number;
      uri: string;
      /** The result, its problems left out: they come as `problems`. */
      result: Omit<CheckedBrief, 'problems'>;
      /** All the problems, or (after the document's first check) a change against the last sent. */
      problems: Problem[] | ProblemDelta;
      claims?: Claim[];
    }
  | { id: number; claims: IndexedClaim[] | undefined }
  /** A top was asked for, but the brief has none worth checking first. */
  | { id: number; noTop: true }
  | { id: number; error: string; stack?: string };

export interface DocumentChecker {
  check(uri: string, text: string, dataset: Dataset, options: CheckOptions): Promise<CheckedBrief>;
  /**
   * Checks only the top of a long brief: its result's problems are the whole check's that lie
   * there (without fixes), its claims those that end there. Undefined when the brief has no top
   * worth checking first. Checks of one document run in the order they were asked for.
   */
  checkTop(uri: string, text: string, dataset: Dataset, options: CheckOptions): Promise<CheckedBrief | undefined>;
  /**
   * The claims of `check` that touch `range` (all of them without one), in text order; undefined
   * when a later check of the document has replaced it.
   */
  claims(uri: string, check: number, range?: Range): Promise<IndexedClaim[] | undefined>;
  /** A closed document: its checker and what it holds are dropped. */
  forget(uri: string): void;
  close(): Promise<void>;
}

/** True when the claim's range or one of its mentions' ranges meets `range` (ends included). */
function touches(claim: Claim, range: Range): boolean {
  const meets = (r: Range) => r.start <= range.end && r.end >= range.start;
  return meets(claim.range) || (claim.mentionRanges?.some(meets) ?? false);
}

/** The claims that touch `range` (all without one), with their indexes, in text order. */
export function claimsIn(claims: readonly Claim[], range?: Range): IndexedClaim[] {
  const out: IndexedClaim[] = [];
  claims.forEach((claim, index) => {
    if (!range || touches(claim, range)) out.push({ index, claim });
  });
  return out;
}

/** Each open document's incremental checker and the claims of its latest check. */
export class CheckedDocuments {
  private readonly checkers = new Map<string, IncrementalChecker>();
  private readonly latest = new Map<string, { check: number; claims: Claim[] }>();
  private nextCheck = 0;

  /** Checks `text` as the document's latest version; `check` names the check (by default, the next number). */
  check(uri: string, text: string, dataset: Dataset, options: CheckOptions, check = this.nextCheck++): { result: CheckedBrief; claims: Claim[] } {
    const { claims, ...rest } = this.checkerFor(uri).check(text, dataset, options);
    this.latest.set(uri, { check, claims });
    return { result: { ...rest, minerals: mentionedMinerals(claims), check }, claims };
  }

  /** Checks the top of `text` (see DocumentChecker.checkTop) with the document's checker, whose reads the whole check reuses. */
  checkTop(uri: string, text: string, dataset: Dataset, options: CheckOptions, check = this.nextCheck++): { result: CheckedBrief; claims: Claim[] } | undefined {
    const top = topOfBrief(text);
    if (!top) return undefined;
    const checked = this.checkerFor(uri).check(top.text, dataset, options);
    const claims = checked.claims.filter((c) => c.range.end <= top.cut);
    this.latest.set(uri, { check, claims });
    return { result: { asOf: checked.asOf, asOfSource: checked.asOfSource, problems: topProblems(checked, top.cut), minerals: mentionedMinerals(claims), check }, claims };
  }

  private checkerFor(uri: string): IncrementalChecker {
    let checker = this.checkers.get(uri);
    if (!checker) this.checkers.set(uri, (checker = createIncrementalChecker()));
    return checker;
  }

  claims(uri: string, check: number, range?: Range): IndexedClaim[] | undefined {
    const latest = this.latest.get(uri);
    return latest && latest.check === check ? claimsIn(latest.claims, range) : undefined;
  }

  /** Drops the claims of the document's latest check (sent with its result, so held elsewhere). */
  release(uri: string): void {
    this.latest.delete(uri);
  }

  forget(uri: string): void {
    this.checkers.delete(uri);
    this.latest.delete(uri);
  }
}

export class InThreadChecker implements DocumentChecker {
  private readonly documents = new CheckedDocuments();

  async check(uri: string, text: string, dataset: Dataset, options: CheckOptions): Promise<CheckedBrief> {
    return this.documents.check(uri, text, dataset, options).result;
  }

  /**
   * None: on the calling thread the whole check would run straight after the top's, before the
   * top's problems could be sent, so checking the top first would only add its cost.
   */
  async checkTop(): Promise<CheckedBrief | undefined> {
    return undefined;
  }

  async claims(uri: string, check: number, range?: Range): Promise<IndexedClaim[] | undefined> {
    return this.documents.claims(uri, check, range);
  }

  forget(uri: string): void {
    this.documents.forget(uri);
  }

  async close(): Promise<void> {}
}
