// What a Dutch public body checks before go-live, as far as the repository itself goes: the
// licence (EUPL-1.2), a SECURITY.md, and a publiccode.yml that its schema accepts. Offline: the
// schema is kept in tests/fixtures/publiccode/.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(file, 'utf8');

describe('go-live files', () => {
	it('publiccode.yml passes the publiccode.yml schema', () => {
		const schema = JSON.parse(read('tests/fixtures/publiccode/publiccode.schema.json'));
		const ajv = new Ajv({ allErrors: true, strict: false });
		addFormats.default(ajv);
		const validate = ajv.compile(schema);
		const doc = parse(read('publiccode.yml')) as Record<string, unknown>;
		const valid = validate(doc);
		expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
		expect(valid).toBe(true);
		expect((doc.legal as { license: string }).license).toBe('EUPL-1.2');
	});

	it('the licence is the EUPL 1.2, in package.json too', () => {
		expect(read('LICENSE')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
		expect(JSON.parse(read('package.json')).license).toBe('EUPL-1.2');
	});

	it('SECURITY.md says how to report a vulnerability, pointing at security.txt', () => {
		const text = read('SECURITY.md');
		expect(text).toContain('## Reporting a vulnerability');
		expect(text).toContain('/.well-known/security.txt');
	});
});
