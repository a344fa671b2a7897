// PGlite is a single backend, and lite's PGlite driver gives every caller that same backend
// without holding it for the length of a transaction. When two requests overlap, one request's
// statements land inside the other's BEGIN … COMMIT: they run with the other caller's role, JWT
// claims and request headers (all set with SET LOCAL), or with none when the other committed
// first. Seen as the first /hulp of dordrecht.localhost listing Zaanstad's hulpvragen (its two
// calls, one rpc and one table read, ran side by side); the same overlap could show one person's
// rows to another (README, Known differences).
//
// The gate hands the backend to one caller from its BEGIN until its COMMIT or ROLLBACK. A caller
// is one lite.fetch or lite.exec call (an AsyncLocalStorage context, so everything that request
// runs, however deep in lite, counts as the same caller). A statement outside a transaction waits
// only while another caller's transaction is open. Work that runs outside any caller (lite's own
// start-up) passes as before.
import { AsyncLocalStorage } from 'node:async_hooks';

type Statement = (sql: string, ...rest: unknown[]) => Promise<unknown>;

export interface GatedDatabase {
	query: Statement;
	exec: Statement;
}

const callers = new AsyncLocalStorage<object>();

/** Runs `work` as one caller of the gated database. */
export const asCaller = <T>(work: () => Promise<T>): Promise<T> => callers.run({}, work);

/** A caller that waits longer than this goes ahead anyway (as without the gate), and says so. */
const WAIT_LIMIT_MS = 15_000;

type Kind = 'begin' | 'end' | 'statement';

export function kindOf(sql: string): Kind {
	const text = sql.trimStart().slice(0, 40).toUpperCase();
	if (/^(BEGIN|START TRANSACTION)\b/.test(text)) {
		// One exec string that opens and closes its own transaction holds nothing afterwards.
		return /\b(COMMIT|ROLLBACK|END)\s*;?\s*$/i.test(sql.trimEnd()) ? 'statement' : 'begin';
	}
	if (/^(COMMIT|END|ROLLBACK)\b/.test(text) && !/^ROLLBACK\s+TO\b/.test(text)) return 'end';
	return 'statement';
}

export function gateTransactions(db: GatedDatabase): void {
	let owner: object | null = null;
	let depth = 0;
	let waiting: (() => void)[] = [];

	const wake = () => {
		const all = waiting;
		waiting = [];
		for (const go of all) go();
	};
	const turn = (ms: number) =>
		new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			waiting.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	const release = () => {
		depth = 0;
		owner = null;
		wake();
	};

	const gated =
		(run: Statement): Statement =>
		async (sql, ...rest) => {
			const me = callers.getStore();
			if (!me || typeof sql !== 'string') return run(sql, ...rest);
			const kind = kindOf(sql);
			const started = Date.now();
			while (owner !== null && owner !== me) {
				const left = WAIT_LIMIT_MS - (Date.now() - started);
				if (left <= 0) {
					console.error(`Database gate: waited ${WAIT_LIMIT_MS} ms for another transaction.`);
					break;
				}
				await turn(left);
			}
			// The check above and the statement below run in one synchronous step, so no other
			// caller's BEGIN can come between them.
			if (kind === 'begin') {
				owner = me;
				depth += 1;
			}
			try {
				return await run(sql, ...rest);
			} catch (error) {
				if (kind === 'begin' && owner === me && --depth <= 0) release();
				throw error;
			} finally {
				if (kind === 'end' && owner === me && --depth <= 0) release();
			}
		};

	db.query = gated(db.query.bind(db));
	db.exec = gated(db.exec.bind(db));
}
