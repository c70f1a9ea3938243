// The esbuild plugin and options for the web bundles (dist/web/): the language server in a web
// worker and the extension in the web extension host. The server's sources are the Node server's;
// the few Node modules they reach are replaced here: the dataset loader by the bundled dataset
// (server/src/web/dataset.ts), the check worker by checks on the server's thread (web/checker.ts),
// node:fs/promises by a file system with no files, node:url by a
// fileURLToPath for file: URIs, node:path by path-browserify, and `process` by a working folder of
// "/" (server/src/web/shims/process.ts, injected). The worker bundle resolves packages with the
// `worker` condition, so none picks a build that needs the DOM (decode-named-character-reference).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'server/src/web');

const replaced = {
  'node:fs/promises': join(web, 'shims/fs.ts'),
  'node:url': join(web, 'shims/url.ts'),
  'node:path': join(root, 'node_modules/path-browserify/index.js'),
};

export const webShims = {
  name: 'briefcheck-web-shims',
  setup(build) {
    build.onResolve({ filter: /^node:(fs\/promises|url|path)$/ }, (args) => ({ path: replaced[args.path] }));
    // The Node server hands checks to a worker thread; the web one checks on its own thread.
    build.onResolve({ filter: /^\.\/checker$/ }, (args) => (args.importer.startsWith(join(root, 'server/src/lsp')) ? { path: join(web, 'checker.ts') } : undefined));
    // The Node dataset loader reads data/ from disk; the web one imports the files.
    build.onResolve({ filter: /\/node\/dataset$/ }, (args) => (args.importer.startsWith(join(root, 'server/src/lsp')) ? { path: join(web, 'dataset.ts') } : undefined));
  },
};

/** Options for both web bundles, on top of nothing from the Node bundles' options. */
export const webBundleOptions = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['browser', 'module', 'main'],
  // Some dependencies read process.env.NODE_ENV; the worker has no process.
  define: { 'process.env.NODE_ENV': '"production"' },
};
