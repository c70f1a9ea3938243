// A same-origin front for the VS Code server that also serves the extension's folder at /devext/
// and names it in the workbench's configuration as an extension under development
// (developmentOptions.extensions, what @vscode/test-web does), so the workbench loads it as a web
// extension, from the browser's side, and its web worker can start the language server's worker
// from the same origin. Everything else, HTTP and WebSocket upgrades, passes through unchanged.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { connect } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.png': 'image/png', '.md': 'text/markdown' };

export async function startDevProxy({ target, extensionPath, prefix = '/devext/' }) {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith(prefix)) {
      const file = normalize(join(extensionPath, decodeURIComponent(url.pathname.slice(prefix.length))));
      if (!file.startsWith(extensionPath) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' });
      createReadStream(file).pipe(res);
      return;
    }
    const isWorkbench = req.method === 'GET' && url.pathname === '/';
    const headers = { ...req.headers, host: upstream.host, ...(isWorkbench ? { 'accept-encoding': 'identity' } : {}) };
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
      if (!isWorkbench || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      let html = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk) => (html += chunk));
      answer.on('end', () => {
        const host = req.headers.host ?? '';
        const patched = html.replace(/(id="vscode-workbench-web-configuration" data-settings=")([^"]*)(")/, (_, before, escaped, after) => {
          const settings = JSON.parse(escaped.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
          settings.developmentOptions = { ...settings.developmentOptions, extensions: [{ scheme: 'http', authority: host, path: prefix.replace(/\/$/, '') }] };
          return before + JSON.stringify(settings).replace(/&/g, '&amp;').replace(/"/g, '&quot;') + after;
        });
        const { 'content-length': _length, ...rest } = answer.headers;
        res.writeHead(200, rest);
        res.end(patched);
      });
    });
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('upgrade', (req, socket, head) => {
    const out = connect(Number(upstream.port), upstream.hostname, () => {
      const headers = Object.entries({ ...req.headers, host: upstream.host }).map(([k, v]) => `${k}: ${v}`).join('\r\n');
      out.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
      if (head.length) out.write(head);
      out.pipe(socket).pipe(out);
    });
    out.on('error', () => socket.destroy());
    socket.on('error', () => out.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, extensionUrl: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }) };
}
