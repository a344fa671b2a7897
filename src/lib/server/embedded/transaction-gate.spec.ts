// On a real PGlite through lite's own driver: overlapping transactions of different callers each
// keep their own SET LOCAL settings (without the gate, one caller read another's, or none).
import { createPgliteConnection } from '@supabase/lite/pglite';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCaller, gateTransactions, kindOf, type GatedDatabase } from './transaction-gate';

type Connection = Awaited<ReturnType<typeof createPgliteConnection>>;
let connection: Connection;
let db: Kysely<unknown>;

beforeAll(async () => {
	connection = await createPgliteConnection({ url: 'memory://' });
	gateTransactions((connection as unknown as { driver: GatedDatabase }).driver);
	db = (connection as unknown as { kysely: Kysely<unknown> }).kysely;
	await connection.exec('select 1'); // PGlite starts on its first statement
}, 120_000);
afterAll(() => connection.close());

const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

/** One caller's transaction: sets a local setting, yields, reads it back. */
const transactionOf = (caller: string) =>
	asCaller(() =>
		db.transaction().execute(async (trx) => {
			await sql`select set_config('buurtkracht.caller', ${caller}, true)`.execute(trx);
			await pause();
			const { rows } = await sql<{
				v: string;
			}>`select current_setting('buurtkracht.caller', true) as v`.execute(trx);
			return rows[0]?.v;
		})
	);

describe('transaction gate', () => {
	it('keeps each caller’s local settings when transactions overlap', async () => {
		const callers = Array.from({ length: 8 }, (_, i) => `caller-${i}`);
		expect(await Promise.all(callers.map(transactionOf))).toEqual(callers);
	});

	it('lets a statement outside a transaction wait for an open one, not run inside it', async () => {
		await asCaller(() => connection.exec('create table gate_probe (n int)'));
		let outside: Promise<unknown> = Promise.resolve();
		await asCaller(() =>
			db
				.transaction()
				.execute(async (trx) => {
					await sql`insert into gate_probe values (1)`.execute(trx);
					// Another caller writes while this transaction is open.
					outside = asCaller(() => connection.exec('insert into gate_probe values (2)'));
					await pause();
					throw new Error('undo');
				})
				.catch(() => 'undone')
		);
		await outside;
		const probe = (await connection.exec('select n from gate_probe order by n')) as {
			rows: unknown[];
		};
		// Had the second insert run inside the first transaction, the rollback would have taken it.
		expect(probe.rows).toEqual([{ n: 2 }]);
	});

	it('knows a transaction’s start and end', () => {
		expect(kindOf('BEGIN')).toBe('begin');
		expect(kindOf('  start transaction isolation level serializable')).toBe('begin');
		expect(kindOf('begin; insert into t values (1); commit;')).toBe('statement');
		expect(kindOf('COMMIT')).toBe('end');
		expect(kindOf('rollback')).toBe('end');
		expect(kindOf('ROLLBACK TO SAVEPOINT s')).toBe('statement');
		expect(kindOf('select 1')).toBe('statement');
	});
});
