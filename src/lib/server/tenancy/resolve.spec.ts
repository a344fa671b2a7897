import { describe, expect, it, vi } from 'vitest';
import type { Municipality } from './municipality';
import { HostResolver } from './resolve';

const zaanstad = { id: 'z', slug: 'zaanstad', name: 'Zaanstad' } as Municipality;

describe('HostResolver', () => {
	it('asks once per host within the cache time, and again after it', async () => {
		let now = 0;
		const lookup = vi.fn(async (host: string) => (host === 'zaanstad.localhost' ? zaanstad : null));
		const resolver = new HostResolver(lookup, { ttlMs: 1000, now: () => now });
		expect(await resolver.resolve('zaanstad.localhost')).toBe(zaanstad);
		expect(await resolver.resolve('zaanstad.localhost')).toBe(zaanstad);
		expect(await resolver.resolve('onbekend.localhost')).toBeNull();
		expect(await resolver.resolve('onbekend.localhost')).toBeNull();
		expect(lookup).toHaveBeenCalledTimes(2);
		now = 1000;
		await resolver.resolve('zaanstad.localhost');
		expect(lookup).toHaveBeenCalledTimes(3);
	});

	it('shares one lookup between simultaneous requests and forgets a failed one', async () => {
		let calls = 0;
		const resolver = new HostResolver(async () => {
			calls += 1;
			if (calls === 1) throw new Error('database down');
			return zaanstad;
		});
		const first = await Promise.allSettled([resolver.resolve('a'), resolver.resolve('a')]);
		expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
		expect(await resolver.resolve('a')).toBe(zaanstad);
		expect(calls).toBe(2);
	});
});
