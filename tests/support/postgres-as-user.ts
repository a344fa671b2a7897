// A transaction on the real PostgreSQL as a signed-in person, as PostgREST would run it: for the
// *.pg.test.ts files that need many connections at once, which the API server would serialise.
import type postgres from 'postgres';

/**
 * Runs `query` in one transaction as `userId` (role authenticated). Both claim settings are set:
 * lite's auth.uid() reads request.jwt.claim.sub, hosted Supabase's reads request.jwt.claims. With
 * only the latter the caller is nobody on lite, and a test can pass through a null check that
 * lets anyone in.
 */
export function asUserInTransaction<T>(
	db: postgres.Sql,
	userId: string,
	query: (tx: postgres.TransactionSql) => Promise<T>
): Promise<T> {
	const claims = JSON.stringify({ sub: userId, role: 'authenticated' });
	return db.begin(async (tx) => {
		await tx`select set_config('role', 'authenticated', true),
			set_config('request.jwt.claims', ${claims}, true),
			set_config('request.jwt.claim.sub', ${userId}, true),
			set_config('request.jwt.claim.role', 'authenticated', true)`;
		return query(tx);
	}) as Promise<T>;
}
