import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole } from '../../support/factories.ts';

describe('current_viewer', () => {
	it('returns the signed-in person’s profile and roles in one call', async () => {
		const user = await createUser({ label: 'viewer', displayName: 'Vic Viewer' });
		await grantRole(user.id, 'coordinator');
		const { data, error } = await user.client.rpc('current_viewer');
		expect(error).toBeNull();
		expect(data).toMatchObject({ display_name: 'Vic Viewer', roles: [{ role: 'coordinator' }] });
	});

	it('returns nothing for anonymous visitors', async () => {
		const { data } = await anonClient().rpc('current_viewer');
		expect(data ?? null).toBeNull();
	});
});
