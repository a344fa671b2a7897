// A carer's own page lists the buurthuizen's activities for mantelzorgers: only audience "carers",
// only dates still taking place, soonest first.
import { describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { loadCarerActivities } from '../../../src/lib/server/buurthuizen/carer-activities.ts';
import { createUser } from '../../support/factories.ts';
import {
	centre,
	createBoardMember,
	dayFromNow,
	postActivity
} from '../../support/buurthuizen-factories.ts';

describe('activities for mantelzorgers on the carer page', () => {
	it('shows the carers activities and leaves the others out', async () => {
		const board = await createBoardMember('de-lorzie');
		const lorzie = (await centre('de-lorzie')).id;
		const stamp = Date.now().toString(36);
		const forCarers = `Mantelzorgcafé ${stamp}`;
		const forEveryone = `Koffie ${stamp}`;
		await postActivity(board.client, lorzie, {
			title: forCarers,
			audience: 'carers',
			on: dayFromNow(3)
		});
		await postActivity(board.client, lorzie, {
			title: forEveryone,
			audience: 'everyone',
			on: dayFromNow(2)
		});

		const carer = await createUser({ label: 'mantelzorger' });
		const list = await loadCarerActivities(carer.client as unknown as RequestClient, new Date());
		const titles = list.map((a) => a.title);
		expect(titles).toContain(forCarers);
		expect(titles).not.toContain(forEveryone);
		const mine = list.find((a) => a.title === forCarers);
		expect(mine?.centreName).toMatch(/Lorzie/);
	});
});
