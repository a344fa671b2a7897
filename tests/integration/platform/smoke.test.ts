import { describe, expect, it } from 'vitest';
import { anonClient, createUser, ZAANSTAD_ID } from '../../support/factories.ts';

describe('embedded Supabase', () => {
	it('serves the seeded districts to anonymous visitors', async () => {
		// Other tests add municipalities of their own (with wijken); the seed's are Zaanstad's.
		const { data, error } = await anonClient()
			.from('districts')
			.select('name')
			.eq('municipality_id', ZAANSTAD_ID);
		expect(error).toBeNull();
		expect(data).toHaveLength(11);
	});

	it('creates a profile for a new account', async () => {
		const user = await createUser({ label: 'smoke', displayName: 'Sam Smoke' });
		const { data } = await user.client
			.from('profiles')
			.select('display_name')
			.eq('id', user.id)
			.single();
		expect(data?.display_name).toBe('Sam Smoke');
	});
});
