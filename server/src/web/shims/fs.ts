// node:fs/promises in the web server bundle: there is no file system, so every file is missing
// (configuration discovery then finds no .briefcheck.json and uses the settings).

export async function readFile(path: string): Promise<never> {
  throw Object.assign(new Error(`ENOENT: no file system in the web extension: ${path}`), { code: 'ENOENT' });
}
