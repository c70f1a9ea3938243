// Types for scripts/reader-corpus.mjs (the labelled reader corpus), for the tests that import it.
import type { Label, Labels } from './score-claims.mjs';

export declare const CORPUS_DIR: string;
export declare const CORE_METRICS: string[];
export declare function parseAnnotation(body: string): Omit<Label, 'line'>;
export declare function buildCorpus(corpusDir?: string): { briefs: Record<string, string>; labels: Labels };
export declare function checkLabels(id: string, briefText: string, claims: Label[]): string[];
export declare function checkCorpus(corpusDir?: string): { errors: string[]; labels: Labels; briefs: Record<string, string> };
export declare function tally(labels: Labels): Record<'briefs' | 'labels' | 'asserted' | 'notAsserted' | 'mention' | 'figure' | 'control' | 'count', number>;
export declare function serialise(labels: Labels): string;
