// Types for corpus.mjs, which stays plain JavaScript so `npm run bench` needs no build step.
export function mulberry32(seed: number): () => number;
export function generateBrief(seed: number, lines: number): string;
export interface CorpusManifest {
  files: number;
  lines: number;
  seed: number;
  bytes: number;
  sha256: string;
}
export function generateCorpus(options: { dir: string; files: number; lines: number; seed: number }): CorpusManifest;
