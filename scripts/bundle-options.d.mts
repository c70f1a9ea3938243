import type { BuildOptions } from 'esbuild';
export declare const bundleOptions: BuildOptions;
export declare const serverBundles: Array<{ entryPoints: string[]; outfile: string }>;
export declare const cliBundles: Array<{ entryPoints: string[]; outfile: string }>;
export declare function buildServer(repoRoot: string, dir: string, dataHash?: string): Promise<void>;
