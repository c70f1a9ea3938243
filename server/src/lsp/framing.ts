// Watches the base protocol's framing on the server's input (`Content-Length: N\r\n\r\n` then N
// bytes). The protocol library reports a bad header and then waits forever on a stream it can no
// longer frame, which leaves the server deaf and alive. This watcher reads the same bytes and
// calls `onBroken` on the first framing error, so the server can say why and exit, and the client
// restarts it.

import type { Readable } from 'node:stream';

/** Larger messages are refused: a document this big is past every limit anyway. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export interface FramingWatcher {
  /** Feeds bytes as they arrive; exposed for tests. */
  push(chunk: Buffer): void;
}

export function createFramingWatcher(onBroken: (reason: string) => void, maxMessageBytes = MAX_MESSAGE_BYTES): FramingWatcher {
  let header = Buffer.alloc(0);
  let bodyLeft = 0;
  let broken = false;
  const fail = (reason: string) => {
    if (broken) return;
    broken = true;
    onBroken(reason);
  };
  function push(chunk: Buffer): void {
    let at = 0;
    while (!broken && at < chunk.length) {
      if (bodyLeft > 0) {
        const take = Math.min(bodyLeft, chunk.length - at);
        bodyLeft -= take;
        at += take;
        continue;
      }
      header = Buffer.concat([header, chunk.subarray(at)]);
      at = chunk.length;
      const end = header.indexOf(HEADER_END);
      const seen = end === -1 ? header : header.subarray(0, end);
      for (const byte of seen) {
        if (byte !== 0x0d && byte !== 0x0a && (byte < 0x20 || byte > 0x7e)) return fail('a message header holds bytes that are not ASCII text');
      }
      if (/(?:^|[^\r])\n/.test(seen.toString('latin1'))) return fail('a message header line ends in a bare line feed, not CRLF');
      if (end === -1) {
        if (header.length > MAX_HEADER_BYTES) fail(`a message header is longer than ${MAX_HEADER_BYTES} bytes`);
        return;
      }
      const rest = header.subarray(end + HEADER_END.length);
      const fields = new Map<string, string>();
      for (const line of seen.toString('ascii').split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) return fail(`a message header line is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`);
        fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const length = fields.get('content-length');
      if (length === undefined) return fail('a message header has no Content-Length');
      if (!/^\d{1,12}$/.test(length)) return fail(`Content-Length is not a byte count: ${JSON.stringify(length.slice(0, 40))}`);
      if (Number(length) > maxMessageBytes) return fail(`Content-Length ${length} is over the ${maxMessageBytes}-byte limit for one message`);
      bodyLeft = Number(length);
      header = Buffer.alloc(0);
      if (rest.length > 0) push(rest);
    }
  }
  return { push };
}

/** Watches `input` (the server's stdin) alongside the protocol's own reader. */
export function watchFraming(input: Readable, onBroken: (reason: string) => void): void {
  const watcher = createFramingWatcher(onBroken);
  input.on('data', (chunk: Buffer | string) => watcher.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
}
