// Issue 9.1: every function reachable as /rest/v1/rpc/* gets oversized arguments from a fresh
// signed-in account, and after each call the API must still answer a simple read. The functions
// come from the catalog, so a new one is swept without touching this file. A call may still break
// PGlite (the SQL-side caps are their own work); then the server has to reopen the database, and the
// read is retried for a bounded time while it does.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catalogFunctions } from '../../support/catalog-functions.ts';
import { createUser } from '../../support/factories.ts';
import { budget } from '../../support/budget.ts';

const fns = (await catalogFunctions()).filter((f) => !f.returnsTrigger);

const MB = 1024 * 1024;
/** How long the API may take to answer again after a call broke the database. */
const RECOVERY_BUDGET_MS = 20_000;

// 100 KB of two-character terms: 50,000 words, the shape that broke PGlite's full-text search.
const LONG_TEXT = 'x '.repeat(50_000);
const many = <T>(make: (i: number) => T) => Array.from({ length: 10_000 }, (_, i) => make(i));

/** A value a page could plausibly send, so the other parameters do not end the call early. */
function ordinary(type: string): unknown {
	if (type.endsWith('[]')) return [ordinary(type.slice(0, -2))];
	if (type === 'uuid') return randomUUID();
	if (/^(integer|bigint|smallint|numeric|double precision|real)$/.test(type)) return 1;
	if (type === 'boolean') return false;
	if (type === 'date') return '2026-12-01';
	if (type.startsWith('timestamp')) return new Date().toISOString();
	if (type === 'jsonb' || type === 'json') return {};
	return 'hulp';
}

/** The largest value of the type that still fits a body under the Data API's 512 KB limit. */
function oversized(type: string): unknown {
	if (type === 'uuid[]') return many(() => randomUUID());
	if (type.endsWith('[]')) {
		const element = type.slice(0, -2);
		return element === 'integer' || element === 'bigint' ? many((i) => i) : many(() => 'x');
	}
	if (type === 'jsonb' || type === 'json') return { items: many((i) => `x${i}`), text: LONG_TEXT };
	if (type === 'integer') return 2_147_483_647;
	if (type === 'bigint') return Number.MAX_SAFE_INTEGER;
	if (type === 'date') return '9999-12-31';
	if (type === 'uuid' || type === 'boolean' || type.startsWith('timestamp')) return null;
	return LONG_TEXT;
}

/**
 * The arguments as JSON, with a 1 MB string in one of them. Spliced into the JSON rather than
 * serialised with the rest: JSON.stringify of a 1 MB string took ~50 ms, once per parameter of
 * every function, in the test's own process, while the API waited for it.
 */
const MEGABYTE_STRING = JSON.stringify('x'.repeat(MB));
function withMegabyte(args: Record<string, unknown>, name: string): string {
	const rest = JSON.stringify({ ...args, [name]: undefined });
	return `${rest.slice(0, -1)}${rest.length > 2 ? ',' : ''}${JSON.stringify(name)}:${MEGABYTE_STRING}}`;
}

let headers: Record<string, string>;
const broke: string[] = [];

function rpc(name: string, json: string) {
	return fetch(`${inject('supabaseUrl')}/rest/v1/rpc/${name}`, {
		method: 'POST',
		headers: { ...headers, 'content-type': 'application/json' },
		body: json
	});
}

async function recoveryCount(): Promise<number> {
	const res = await fetch(`${inject('supabaseUrl')}/__test/recoveries`);
	return ((await res.json()) as unknown[]).length;
}

/** Reads one district as the signed-in account; retries while the database is being reopened. */
async function stillAnswers(after: string): Promise<void> {
	const started = Date.now();
	let last = '';
	while (Date.now() - started < RECOVERY_BUDGET_MS) {
		const res = await fetch(`${inject('supabaseUrl')}/rest/v1/districts?select=id&limit=1`, {
			headers
		});
		const text = await res.text();
		if (res.status === 200 && text.startsWith('[{')) return;
		last = `${res.status} ${text.slice(0, 200)}`;
		await new Promise((r) => setTimeout(r, 250));
	}
	expect.fail(`no answer within ${RECOVERY_BUDGET_MS} ms after ${after}; last: ${last}`);
}

beforeAll(async () => {
	const user = await createUser({ label: 'sweep' });
	const { data } = await user.client.auth.getSession();
	headers = {
		apikey: inject('publishableKey'),
		authorization: `Bearer ${data.session?.access_token}`
	};
});

afterAll(() => {
	// Not a failure: recovery is what this file tests. The list tells the SQL side what to cap.
	if (broke.length)
		console.log(`Calls after which the database was reopened:\n  ${broke.join('\n  ')}`);
});

describe('every rpc function with oversized arguments', () => {
	it('lists the functions from the catalog', () => {
		expect(fns.length).toBeGreaterThan(40);
		expect(fns.map((f) => f.name)).toContain('search_help_requests');
	});

	it.for(fns)('$name($signature)', { timeout: budget(180_000) }, async (fn) => {
		const ordinaryArgs = Object.fromEntries(fn.params.map((p) => [p.name, ordinary(p.type)]));

		// A 1 MB string in each parameter in turn: refused before the database.
		const names = fn.params.length ? fn.params.map((p) => p.name) : ['padding'];
		for (const name of names) {
			const refused = await rpc(fn.name, withMegabyte(ordinaryArgs, name));
			await refused.arrayBuffer();
			expect(refused.status, `${fn.name}(${name}: 1 MB)`).toBe(413);
		}

		// Each parameter oversized in turn, the others ordinary, then all of them at once.
		const calls: { label: string; body: Record<string, unknown> }[] = fn.params
			.filter((p) => oversized(p.type) !== null)
			.map((p) => ({
				label: `${fn.name}(${p.name}: oversized ${p.type})`,
				body: { ...ordinaryArgs, [p.name]: oversized(p.type) }
			}));
		if (calls.length > 1) {
			calls.push({
				label: `${fn.name}(all oversized)`,
				body: Object.fromEntries(
					fn.params.map((p) => [p.name, oversized(p.type) ?? ordinary(p.type)])
				)
			});
		}
		if (calls.length === 0) calls.push({ label: `${fn.name}()`, body: ordinaryArgs });
		for (const call of calls) {
			const recoveries = await recoveryCount();
			const res = await rpc(fn.name, JSON.stringify(call.body));
			await res.arrayBuffer();
			const after = `${call.label} → ${res.status}`;
			await stillAnswers(after);
			if ((await recoveryCount()) > recoveries) broke.push(after);
		}
	});
});
