// The committed database types must match what the migrations produce now, so a migration never
// lands without its types. Regenerates in memory on a throwaway database; writes nothing.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateDatabaseTypes, TYPES_FILE } from '../../../scripts/lib/typegen.ts';
import { budget } from '../../support/budget.ts';

describe('src/lib/database.types.ts', () => {
	it('matches the migrated schema', { timeout: budget(120_000) }, async () => {
		const generated = await generateDatabaseTypes({
			// Same generator, other engine: with TEST_DB=postgres the committed file is checked there too.
			databaseUrl: process.env.TEST_DB === 'postgres' ? process.env.DATABASE_URL : undefined
		});
		const committed = await readFile(TYPES_FILE, 'utf8').catch(() => '');
		expect(committed, `${TYPES_FILE} is out of date: run npm run gen:types`).toBe(generated);
	});
});
