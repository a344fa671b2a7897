import { describe, expect, it } from 'vitest';
import { buildRpcSignatures, normaliseRpcArguments } from './rpc-arguments';

const signatures = buildRpcSignatures([
	{ name: 'f', arg: 'p_flag', type: 'boolean' },
	{ name: 'f', arg: 'p_id', type: 'uuid' },
	{ name: 'f', arg: 'p_text', type: 'text' },
	{ name: 'f', arg: 'p_on', type: 'date' },
	{ name: 'f', arg: 'p_n', type: 'integer' },
	{ name: 'f', arg: 'p_ids', type: 'uuid[]' },
	{ name: 'f', arg: 'p_data', type: 'jsonb' },
	{ name: 'f', arg: 'p_any', type: 'anyarray' },
	// An overloaded argument of two types is left to the database.
	{ name: 'g', arg: 'p_x', type: 'boolean' },
	{ name: 'g', arg: 'p_x', type: 'text' }
]);

const post = (fn: string, body: unknown, contentType = 'application/json') =>
	new Request(`http://api.test/rest/v1/rpc/${fn}`, {
		method: 'POST',
		headers: { 'content-type': contentType },
		body: JSON.stringify(body)
	});

async function sent(result: Request | Response) {
	expect(result).toBeInstanceOf(Request);
	return JSON.parse(await (result as Request).text()) as Record<string, unknown>;
}

async function refused(result: Request | Response) {
	expect(result).toBeInstanceOf(Response);
	const response = result as Response;
	return { status: response.status, ...((await response.json()) as object) };
}

describe('normaliseRpcArguments', () => {
	it('reads booleans and text as Postgres does, and passes what the driver takes', async () => {
		const body = await sent(
			await normaliseRpcArguments(
				post('f', {
					p_flag: 'Yes',
					p_text: { a: 1 },
					p_on: '2027-01-01',
					p_n: '12',
					p_ids: ['x'],
					p_data: { b: [1] },
					p_other: 'left alone'
				}),
				signatures
			)
		);
		expect(body).toEqual({
			p_flag: true,
			p_text: '{"a":1}',
			p_on: '2027-01-01',
			p_n: '12',
			p_ids: ['x'],
			p_data: { b: [1] },
			p_other: 'left alone'
		});
		expect(
			(await sent(await normaliseRpcArguments(post('f', { p_flag: 0 }), signatures))).p_flag
		).toBe(false);
		expect(
			(await sent(await normaliseRpcArguments(post('f', { p_text: 5 }), signatures))).p_text
		).toBe('5');
	});

	it("answers PostgREST's 400 for what Postgres cannot read", async () => {
		for (const [body, code, message] of [
			[{ p_flag: 'ja' }, '22P02', 'invalid input syntax for type boolean: "ja"'],
			[{ p_flag: {} }, '22P02', 'invalid input syntax for type boolean: "{}"'],
			[{ p_id: { a: 1 } }, '22P02', 'invalid input syntax for type uuid: "{"a":1}"'],
			[{ p_on: 20270101 }, '22007', 'invalid input syntax for type date: "20270101"'],
			[{ p_n: true }, '22P02', 'invalid input syntax for type integer: "true"'],
			[{ p_ids: { a: 1 } }, '22P02', 'malformed array literal: "{"a":1}"'],
			[{ p_ids: [true] }, '22P02', 'invalid input syntax for type uuid: "true"'],
			[{ p_any: [1] }, '42804', 'could not determine polymorphic type: anyarray from JSON']
		] as const) {
			expect(await refused(await normaliseRpcArguments(post('f', body), signatures))).toEqual({
				status: 400,
				code,
				details: null,
				hint: null,
				message
			});
		}
	});

	it('reads query-string arguments of GET calls too', async () => {
		const get = (q: string) => new Request(`http://api.test/rest/v1/rpc/f?${q}`);
		const ok = await normaliseRpcArguments(get('p_flag=t&p_n=3'), signatures);
		expect(new URL((ok as Request).url).search).toBe('?p_flag=true&p_n=3');
		expect((await refused(await normaliseRpcArguments(get('p_flag=ja'), signatures))).status).toBe(
			400
		);
	});

	it('leaves other paths, unknown functions, overloads and non-JSON bodies alone', async () => {
		for (const request of [
			new Request('http://api.test/rest/v1/districts?select=id'),
			post('unknown', { p_flag: 'ja' }),
			post('g', { p_x: 'ja' }),
			post('f', { p_flag: 'ja' }, 'text/plain'),
			new Request('http://api.test/rest/v1/rpc/f', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{not json'
			})
		]) {
			expect(await normaliseRpcArguments(request, signatures)).toBe(request);
		}
	});
});
