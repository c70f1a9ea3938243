// The language server: the only code that knows the protocol. It turns core results into
// diagnostics, hovers, code actions and inlay hints and holds no analysis logic of its own; it
// never imports the CLI (test/architecture.test.ts fails when it does).

export { startServer, type ServerOptions } from './server';
export * from '../shared/protocol';
