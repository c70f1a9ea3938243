// lsp/checker in the web server bundle: a web worker has no worker threads of its own to hand
// checks to, so documents are checked on the server's thread.

import { InThreadChecker, type DocumentChecker } from '../lsp/document-checker';

export type { CheckReply, CheckRequest, DocumentChecker } from '../lsp/document-checker';

export function createDocumentChecker(): DocumentChecker {
  return new InThreadChecker();
}
