import { describe, expect, it } from 'vitest';
import { anonClient, createUser, grantRole, sql } from '../../support/factories.ts';
import { createVolunteer, postRequest, react } from '../../support/buurthulp-factories.ts';

describe('current_viewer', () => {
	it('returns the signed-in person’s profile and roles in one call', async () => {
		const user = await createUser({ label: 'viewer', displayName: 'Vic Viewer' });
		await grantRole(user.id, 'coordinator');
		const { data, error } = await user.client.rpc('current_viewer');
		expect(error).toBeNull();
		expect(data).toMatchObject({
			display_name: 'Vic Viewer',
			roles: [{ role: 'coordinator', scope_name: null }],
			is_volunteer: false,
			is_carer: false,
			buurthulp_new: 0
		});
	});

	it('names the buurthuis of a board member, for the header and /profiel', async () => {
		const user = await createUser({ label: 'viewer-bestuur' });
		const [centre] = await sql<{ id: string; name: string }>(
			`select id, name from public.community_centres order by name limit 1`
		);
		await grantRole(user.id, 'board_member', { communityCentreId: centre!.id });
		const { data } = await user.client.rpc('current_viewer');
		expect(data).toMatchObject({ roles: [{ role: 'board_member', scope_name: centre!.name }] });
	});

	it('counts what is new in Mijn buurthulp: only the caller’s own', async () => {
		const resident = await createUser({ label: 'viewer-inwoner' });
		const volunteer = await createVolunteer({ label: 'viewer-vrijwilliger' });
		const coordinator = await createUser({ label: 'viewer-coordinator' });
		await grantRole(coordinator.id, 'coordinator');
		const requestId = await postRequest(resident.client, resident.id);
		await react(volunteer, requestId);

		const mine = await resident.client.rpc('current_viewer');
		expect(mine.data).toMatchObject({ buurthulp_new: 1, is_volunteer: false });
		const helper = await volunteer.client.rpc('current_viewer');
		expect(helper.data).toMatchObject({ buurthulp_new: 0, is_volunteer: true });
		// A coordinator sees every request and reaction, but none of them is theirs.
		const coordinating = await coordinator.client.rpc('current_viewer');
		expect(coordinating.data).toMatchObject({ buurthulp_new: 0 });
	});

	it('returns nothing for anonymous visitors', async () => {
		const { data } = await anonClient().rpc('current_viewer');
		expect(data ?? null).toBeNull();
	});
});
