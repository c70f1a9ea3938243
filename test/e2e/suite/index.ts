// The suite's entry, loaded by VS Code's extension host through `extensionTestsPath`: it runs
// every bundled `*.test.js` next to it with mocha and settles when mocha is done.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  if (process.env.BRIEFCHECK_E2E_GREP) mocha.grep(process.env.BRIEFCHECK_E2E_GREP);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}
