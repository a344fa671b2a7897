// The one method of the embedded database the seed steps use (exec), over a PostgreSQL
// connection: so a hosted project is seeded by the same code as the embedded one.
import type postgres from 'postgres';
import type { Lite } from '../../src/lib/server/embedded/lite.ts';

export function execOver(sql: postgres.Sql): Pick<Lite, 'exec'> {
	return {
		exec: async (text: string) => ({
			rows: (await sql.unsafe(text)) as unknown as Record<string, unknown>[]
		})
	} as Pick<Lite, 'exec'>;
}
