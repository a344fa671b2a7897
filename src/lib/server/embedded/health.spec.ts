import { describe, expect, it } from 'vitest';
import { superviseLite } from './health.ts';
import type { Lite } from './lite.ts';
import { suspicious } from './probe.ts';

/** A stand-in for one embedded Supabase: answers until broken, like PGlite after the crash. */
function fakeLite(log: string[], name: string) {
	const state = { broken: false, closed: false };
	const lite: Lite = {
		app: { name } as unknown as Lite['app'],
		driver: 'pglite',
		fetch: async (request) => {
			const path = new URL(request.url).pathname;
			log.push(`${name} ${path}`);
			if (path.endsWith('/crash')) {
				state.broken = true;
				return new Response('{}', { status: 406 });
			}
			return state.broken ? new Response('{}', { status: 500 }) : Response.json([{ ok: 1 }]);
		},
		// A broken PGlite answers a simple query with no rows rather than an error.
		exec: async () => ({ rows: state.broken ? [] : [{ ok: 1 }] }),
		close: async () => {
			state.closed = true;
		}
	};
	return { lite, state };
}

function supervised() {
	const log: string[] = [];
	const instances: ReturnType<typeof fakeLite>[] = [];
	const start = async () => {
		const instance = fakeLite(log, `db${instances.length + 1}`);
		instances.push(instance);
		return instance.lite;
	};
	return { log, instances, ready: superviseLite({ start, intervalMs: 0, log: () => {} }) };
}

const get = (path: string) => new Request(`http://localhost${path}`);

describe('SupervisedLite', () => {
	it('reopens after a response that broke the database, before serving the next request', async () => {
		const { instances, ready } = supervised();
		const lite = await ready;
		const crash = await lite.fetch(get('/rest/v1/rpc/crash'));
		expect(crash.status).toBe(406);
		const next = await lite.fetch(get('/rest/v1/districts'));
		expect(next.status).toBe(200);
		expect(instances).toHaveLength(2);
		expect(instances[0]?.state.closed).toBe(true);
		expect(lite.recoveries).toHaveLength(1);
		expect(lite.recoveries[0]?.reason).toContain('406 on GET /rest/v1/rpc/crash');
	});

	it('leaves a healthy database alone after an ordinary error', async () => {
		const { instances, ready } = supervised();
		const lite = await ready;
		expect((await lite.fetch(get('/rest/v1/districts'))).status).toBe(200);
		expect(await lite.check('test')).toBe(true);
		expect(instances).toHaveLength(1);
	});

	it('answers 503 with Retry-After to a request that failed on the broken instance', async () => {
		const { instances, ready } = supervised();
		const lite = await ready;
		// Broken by something that looked fine (a 200), so only the next 5xx reveals it.
		(instances[0] as ReturnType<typeof fakeLite>).state.broken = true;
		const failed = await lite.fetch(get('/auth/v1/token'));
		expect(failed.status).toBe(503);
		expect(failed.headers.get('retry-after')).toBe('2');
		expect(await failed.json()).toMatchObject({ error_code: 'service_unavailable' });
		await lite.settled();
		expect((await lite.fetch(get('/auth/v1/token'))).status).toBe(200);
	});

	it('finds a database broken between requests with the periodic check', async () => {
		const { instances, ready } = supervised();
		const lite = await ready;
		(instances[0] as ReturnType<typeof fakeLite>).state.broken = true;
		expect(await lite.check('periodic check')).toBe(false);
		await lite.settled();
		expect(instances).toHaveLength(2);
		expect(await lite.exec('select 1 as ok')).toEqual({ rows: [{ ok: 1 }] });
	});

	it('gives up (for a supervisor to restart the process) when a broken PGlite will not close', async () => {
		const first = fakeLite([], 'db1');
		first.lite.close = () => new Promise<void>(() => {});
		let opened = 0;
		let gaveUp: unknown;
		const lite = await superviseLite({
			start: async () => (opened++ === 0 ? first.lite : fakeLite([], 'db2').lite),
			intervalMs: 0,
			closeTimeoutMs: 50,
			onGiveUp: (error) => (gaveUp = error),
			log: () => {}
		});
		first.state.broken = true;
		expect(await lite.check('test')).toBe(false);
		await lite.settled();
		expect(String(gaveUp)).toContain('closing the database took longer');
		expect(opened).toBe(1);
		expect((await lite.fetch(get('/rest/v1/districts'))).status).toBe(503);
	});
});

describe('suspicious', () => {
	it('probes after a 5xx and a Data API 406, not after other 4xx', () => {
		expect(suspicious('/rest/v1/rpc/search_help_requests', 406)).toBe(true);
		expect(suspicious('/rest/v1/help_requests', 500)).toBe(true);
		expect(suspicious('/auth/v1/token', 503)).toBe(true);
		for (const status of [400, 401, 403, 404, 409, 413, 429]) {
			expect(suspicious('/rest/v1/help_requests', status)).toBe(false);
		}
		expect(suspicious('/auth/v1/otp', 406)).toBe(false);
		expect(suspicious('/rest/v1/help_requests', 200)).toBe(false);
	});
});
