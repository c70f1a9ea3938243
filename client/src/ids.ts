// Command, view and setting ids the extension contributes. They are public: the end-to-end suite
// and users' keybindings use them, and docs/editor.md lists them. Never rename one.

export const Commands = {
  insertControlTable: 'briefcheck.insertControlTable',
  showClaims: 'briefcheck.showClaims',
  setAsOf: 'briefcheck.setAsOf',
  showDatasetInfo: 'briefcheck.showDatasetInfo',
  restartServer: 'briefcheck.restartServer',
  revealClaim: 'briefcheck.revealClaim',
} as const;

export const ClaimsViewId = 'briefcheck.claims';
export const OutputChannelName = 'briefcheck';
