// Sends console output to the client's log. Over stdio a stray console.log would corrupt the
// protocol stream; over IPC it would be lost. Only the bundle entry calls this.

import type { Connection } from 'vscode-languageserver';
import { format } from 'node:util';

export function redirectConsole(connection: Connection): void {
  const send = (log: (message: string) => void) => (...args: unknown[]) => log(format(...args));
  console.log = send((m) => connection.console.log(m));
  console.info = send((m) => connection.console.info(m));
  console.debug = send((m) => connection.console.log(m));
  console.warn = send((m) => connection.console.warn(m));
  console.error = send((m) => connection.console.error(m));
  console.trace = send((m) => connection.console.log(m));
}
