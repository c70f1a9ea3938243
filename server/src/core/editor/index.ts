// Pure helpers the editor needs beyond checking: hover card data and its Markdown, the
// control-status table, "insert current import share" and "disable for this line" edits. Like the
// rest of the core they take text, claims and a dataset, and return plain data or text edits.

export { mineralCard, figureCard, type MineralCard, type FigureCard, type FigureFact, type MeasureFact } from './hover-card';
export { renderMineralCard, renderFigureCard, statusPhrase } from './render-card';
export { controlTable, controlTableEdits, mentionedMinerals } from './control-table';
export { importShareEdits, hasFigureNearby, paragraphAt } from './import-share';
export { disableLineEdit } from './disable-line';
export { formatValue, usesFootnotes, type SourceLink } from './format';
export { minimalEdit } from './minimal-edit';
export { targetAt, mentionAt, type Target } from './targets';
export { currentFigureHints, currentObservation, type CurrentFigureHint } from './current-figure';
export { setAsOfEdit } from './front-matter';
