import { describe, expect, it } from 'vitest';
import { bodyLimitFor, limitRequestBody, readLimitedBody } from './body-limit.ts';

const KB = 1024;

function chunks(sizes: number[]): AsyncIterable<Uint8Array> & { pulled: number } {
	const source = {
		pulled: 0,
		async *[Symbol.asyncIterator]() {
			for (const size of sizes) {
				source.pulled += 1;
				yield new Uint8Array(size).fill(120);
			}
		}
	};
	return source;
}

describe('bodyLimitFor', () => {
	it('keeps auth bodies small and gives the Data API room for a 10,000-id array', () => {
		expect(bodyLimitFor('/auth/v1/token')).toBe(16 * KB);
		expect(bodyLimitFor('/rest/v1/rpc/search_help_requests')).toBe(512 * KB);
		expect(bodyLimitFor('/storage/v1/object')).toBe(512 * KB);
	});
});

describe('readLimitedBody', () => {
	it('refuses a declared length over the limit without reading the body', async () => {
		const body = chunks([10]);
		const result = await readLimitedBody('/rest/v1/rpc/x', String(600 * KB), body);
		expect(result.ok).toBe(false);
		expect(body.pulled).toBe(0);
		if (result.ok) return;
		expect(result.response.status).toBe(413);
		expect(await result.response.json()).toMatchObject({ code: 'PGRST413' });
	});

	it('counts a body streamed without a length', async () => {
		const result = await readLimitedBody('/auth/v1/signup', null, chunks([8 * KB, 8 * KB, 1]));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(await result.response.json()).toMatchObject({ error_code: 'request_too_large' });
	});

	it('does not trust a declared length that the stream exceeds', async () => {
		const result = await readLimitedBody('/auth/v1/signup', '10', chunks([17 * KB]));
		expect(result.ok).toBe(false);
	});

	it('stops reading a runaway stream a while after the limit', async () => {
		const body = chunks(Array.from({ length: 10_000 }, () => 64 * KB));
		const result = await readLimitedBody('/auth/v1/token', null, body);
		expect(result.ok).toBe(false);
		expect(body.pulled).toBeLessThan(40);
	});

	it('passes a body under the limit through whole', async () => {
		const result = await readLimitedBody('/rest/v1/profiles', null, chunks([100, 200]));
		expect(result).toMatchObject({ ok: true });
		if (result.ok) expect(result.body?.byteLength).toBe(300);
	});

	it('answers 413 when the server errors the stream for its own size limit', async () => {
		const failing: AsyncIterable<Uint8Array> = {
			// eslint-disable-next-line require-yield
			async *[Symbol.asyncIterator]() {
				throw Object.assign(new Error('Payload Too Large'), { status: 413 });
			}
		};
		const result = await readLimitedBody('/rest/v1/profiles', null, failing);
		expect(result.ok).toBe(false);
	});
});

describe('limitRequestBody', () => {
	it('hands on a request under the limit with the same body', async () => {
		const request = new Request('http://localhost/rest/v1/rpc/has_role', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ p_role: 'coordinator' })
		});
		const limited = await limitRequestBody(request);
		expect(limited).toBeInstanceOf(Request);
		expect(await (limited as Request).json()).toEqual({ p_role: 'coordinator' });
		expect((limited as Request).headers.get('content-type')).toBe('application/json');
	});

	it('answers 413 for an oversized one', async () => {
		const request = new Request('http://localhost/auth/v1/token?grant_type=password', {
			method: 'POST',
			body: 'x'.repeat(20 * KB)
		});
		const limited = await limitRequestBody(request);
		expect(limited).toBeInstanceOf(Response);
		expect((limited as Response).status).toBe(413);
	});
});
