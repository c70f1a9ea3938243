// The official SARIF 2.1.0 schema (fixtures/README.md says where it comes from) compiled with ajv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  // The official schema is draft-04 ("id"); its keywords are otherwise those of draft-07.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
