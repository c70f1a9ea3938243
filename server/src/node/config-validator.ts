// The validator of `.briefcheck.json` against schemas/briefcheck.schema.json. Run from source, ajv
// compiles it at first use; the bundles carry it precompiled instead (scripts/config-validator.mjs
// generates ajv's standalone code from the same schema and options at build time), which saves
// compiling it at every start of the command line (about a tenth of a second).

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../../schemas/briefcheck.schema.json';

/** The options both ways of making the validator use. */
export function configAjv(code?: { source: boolean }): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, ...(code ? { code } : {}) });
  ajv.addKeyword('markdownDescription');
  addFormats(ajv, ['date']);
  return ajv;
}

export function compileConfigValidator(): ValidateFunction {
  return configAjv().compile(schema);
}
