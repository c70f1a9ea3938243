// `process` in the web server bundle (injected by scripts/web-shims.mjs): the server's code asks it
// only for a working folder, which a web worker does not have; "/" keeps relative paths absolute.

export const process = {
  cwd: (): string => '/',
  env: {} as Record<string, string | undefined>,
  platform: 'browser',
};
