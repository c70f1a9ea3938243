// What the file system gives both front ends: configuration discovery, dataset and overlay
// loading, and finding briefs. It depends on the core and never on the CLI or the protocol.
export {};
