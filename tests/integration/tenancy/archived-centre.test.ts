// An archived buurthuis (issue 18): its board still sees its activities, but can no longer add or
// change them. Refused in SQL, so a raw call through the Data API is refused as well (403,
// centre_archived); bringing the buurthuis back lets the board write again.
import { inject, describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { addCentre, setCentreArchived } from '../../../src/lib/server/tenancy/centres.ts';
import { createActivity } from '../../../src/lib/server/buurthuizen/activity-writes.ts';
import { loadActivityBoard, loadCentreBoard } from '../../../src/lib/server/buurthuizen/board.ts';
import { CENTRE_ARCHIVED } from '../../../src/lib/buurthuizen/labels.ts';
import { fromAmsterdam } from '../../../src/lib/buurthuizen/dates.ts';
import { dayFromNow, postActivity } from '../../support/buurthuizen-factories.ts';
import { sql, type TestUser } from '../../support/factories.ts';
import { createMunicipality, personIn } from '../../support/mantelzorg-factories.ts';

async function archivedCentreWithBoard() {
	const m = await createMunicipality();
	const admin = await personIn(m.id, 'beheer', 'municipality_admin');
	const adminClient = admin.client as unknown as RequestClient;
	const added = await addCentre(adminClient, m.id, {
		name: 'Buurthuis Het Archief',
		districtId: m.north,
		streetAddress: 'Archiefstraat 1',
		postcode: '1561 AB',
		city: 'Proefdorp',
		latitude: '52,4601',
		longitude: '4,8012',
		openingHours: '',
		wheelchair: '',
		toiletsWheelchair: '',
		hearingLoop: '',
		parking: '',
		accessibility: '',
		website: '',
		phone: '',
		email: ''
	});
	if (!added.ok) throw new Error(added.problem);
	const centreId = added.value;
	const board = await personIn(m.id, 'bestuur');
	await sql(
		`insert into public.memberships (user_id, municipality_id, role, community_centre_id)
		 values ('${board.id}', '${m.id}', 'board_member', '${centreId}')`
	);
	const activityId = await postActivity(board.client, centreId, {
		on: dayFromNow(3),
		weeklyUntil: dayFromNow(60)
	});
	const archived = await setCentreArchived(adminClient, m.id, centreId, true);
	if (!archived.ok) throw new Error(archived.problem);
	return { m, adminClient, centreId, board, activityId };
}

/** A raw call through the Data API with the person's token, as any API client could make it. */
async function rawRpc(person: TestUser, fn: string, body: Record<string, unknown>) {
	const token = (await person.client.auth.getSession()).data.session?.access_token;
	const res = await fetch(`${inject('supabaseUrl')}/rest/v1/rpc/${fn}`, {
		method: 'POST',
		headers: {
			apikey: inject('publishableKey'),
			authorization: `Bearer ${token}`,
			'content-type': 'application/json'
		},
		body: JSON.stringify(body)
	});
	const text = await res.text();
	const message = text ? (JSON.parse(text) as { message?: string } | null)?.message : undefined;
	return { status: res.status, message };
}

const activityArgs = (on: string) => ({
	p_title: 'Soep op zaterdag',
	p_description: 'Samen soep eten.',
	p_category: 'koffieochtend',
	p_audience: 'everyone',
	p_starts_at: fromAmsterdam(on, '12:00').toISOString(),
	p_ends_at: fromAmsterdam(on, '14:00').toISOString(),
	p_recurrence: 'once'
});

describe('an archived buurthuis', () => {
	it('refuses every board write through /rest/v1 with 403 centre_archived and changes nothing', async () => {
		const { centreId, board, activityId } = await archivedCentreWithBoard();
		const before = await sql(
			`select a.*, (select count(*) from public.activity_exceptions e where e.activity_id = a.id) as skipped
			 from public.activities a where a.community_centre_id = '${centreId}' order by a.id`
		);
		expect(before).toHaveLength(1);

		const calls: [string, Record<string, unknown>][] = [
			['create_activity', { p_centre_id: centreId, ...activityArgs(dayFromNow(5)) }],
			['update_activity', { p_activity_id: activityId, ...activityArgs(dayFromNow(3)) }],
			['copy_activity', { p_activity_id: activityId }],
			['cancel_activity', { p_activity_id: activityId, p_reason: 'Gesloten' }],
			['skip_activity_date', { p_activity_id: activityId, p_occurs_on: dayFromNow(10) }]
		];
		for (const [fn, body] of calls) {
			expect({ fn, ...(await rawRpc(board, fn, body)) }).toEqual({
				fn,
				status: 403,
				message: 'centre_archived'
			});
		}
		expect(
			await sql(
				`select a.*, (select count(*) from public.activity_exceptions e where e.activity_id = a.id) as skipped
				 from public.activities a where a.community_centre_id = '${centreId}' order by a.id`
			)
		).toEqual(before);
	});

	it('shows the board its activities with the reason, and the form’s refusal says why', async () => {
		const { centreId, board, activityId } = await archivedCentreWithBoard();
		const client = board.client as unknown as RequestClient;
		const centreBoard = await loadCentreBoard(client, centreId);
		expect(centreBoard?.centre.archived).toBe(true);
		expect(centreBoard?.activities.map((a) => a.id)).toEqual([activityId]);
		expect((await loadActivityBoard(client, activityId))?.centreArchived).toBe(true);

		const refused = await createActivity(client, centreId, {
			title: 'Soep op zaterdag',
			description: '',
			category: 'koffieochtend',
			audience: 'everyone',
			startsAt: fromAmsterdam(dayFromNow(5), '12:00'),
			endsAt: fromAmsterdam(dayFromNow(5), '14:00'),
			recurrence: 'once',
			repeatUntil: null,
			costCents: 0,
			needsRegistration: false,
			maxParticipants: null,
			socialGoalId: null,
			published: true
		});
		expect(refused).toEqual({ ok: false, problem: CENTRE_ARCHIVED, field: undefined });
	});

	it('lets the board write again once the admin brings it back, and tells no one else it exists', async () => {
		const { m, adminClient, centreId, board, activityId } = await archivedCentreWithBoard();
		// Someone outside the board still gets "not found", not "archived".
		const stranger = await personIn(m.id, 'buurman');
		expect(await rawRpc(stranger, 'copy_activity', { p_activity_id: activityId })).toMatchObject({
			message: 'activity_not_found'
		});
		expect(
			await rawRpc(stranger, 'create_activity', {
				p_centre_id: centreId,
				...activityArgs(dayFromNow(5))
			})
		).toEqual({ status: 403, message: 'forbidden' });

		expect((await setCentreArchived(adminClient, m.id, centreId, false)).ok).toBe(true);
		const restored = await rawRpc(board, 'cancel_activity', { p_activity_id: activityId });
		expect(restored.status).toBeLessThan(300);
		expect(
			(await loadCentreBoard(board.client as unknown as RequestClient, centreId))?.centre
		).toMatchObject({ archived: false });
	});
});
