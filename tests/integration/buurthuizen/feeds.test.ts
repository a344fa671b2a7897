// The iCalendar feeds, read back with an independent parser (node-ical): a weekly activity across
// the daylight-saving change of 2027-03-28 expands to 10:00 Europe/Amsterdam every week, the
// skipped week is an EXDATE, a cancelled activity carries STATUS:CANCELLED, unpublished ones are
// absent, and the city, buurthuis and wijk feeds hold the right activities.
import ical, { type VEvent } from 'node-ical';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestClient } from '../../../src/lib/server/supabase.ts';
import { buildCalendar, loadFeed } from '../../../src/lib/server/buurthuizen/feeds.ts';
import { anonClient, type TestUser } from '../../support/factories.ts';
import { centre, createBoardMember, postActivity } from '../../support/buurthuizen-factories.ts';

const anon = () => anonClient() as unknown as RequestClient;
const ORIGIN = 'https://buurtkracht.example';
const localTime = new Intl.DateTimeFormat('nl-NL', {
	timeZone: 'Europe/Amsterdam',
	dateStyle: 'short',
	timeStyle: 'short'
});

let board: TestUser;
let weeklyId: string;
let cancelledId: string;
let draftId: string;
let a3Id: string;

async function eventsOf(scope: Parameters<typeof loadFeed>[1]) {
	const feed = await loadFeed(anon(), scope);
	if (!feed) throw new Error('no feed');
	const text = buildCalendar(feed, ORIGIN);
	const parsed = ical.sync.parseICS(text);
	const events = Object.values(parsed).filter((e): e is VEvent => e?.type === 'VEVENT');
	return { text, events, byId: (id: string) => events.find((e) => e.uid.includes(id)) };
}

beforeAll(async () => {
	const lorzie = await centre('de-lorzie');
	board = await createBoardMember('de-lorzie');
	const a3Board = await createBoardMember('a3');
	weeklyId = await postActivity(board.client, lorzie.id, {
		title: 'Yoga op de stoel',
		category: 'bewegen',
		on: '2027-03-16',
		weeklyUntil: '2027-04-13'
	});
	cancelledId = await postActivity(board.client, lorzie.id, {
		title: 'Voorleesmiddag',
		category: 'kinderen',
		on: '2027-03-17',
		from: '14:00',
		until: '15:30'
	});
	draftId = await postActivity(board.client, lorzie.id, { title: 'Concept', published: false });
	a3Id = await postActivity(a3Board.client, (await centre('a3')).id, {
		title: 'Taalspreekuur A3',
		category: 'taal',
		on: '2027-03-18'
	});
	await board.client.rpc('skip_activity_date', {
		p_activity_id: weeklyId,
		p_occurs_on: '2027-03-30'
	});
	await board.client.rpc('cancel_activity', {
		p_activity_id: cancelledId,
		p_reason: 'Geen voorlezer'
	});
});

describe('iCalendar feeds', () => {
	it('repeat weekly at 10:00 Amsterdam time across the DST change, without the EXDATE', async () => {
		const { text, byId } = await eventsOf({ kind: 'centre', slug: 'de-lorzie' });
		expect(text).toContain('BEGIN:VTIMEZONE');
		expect(text).toMatch(/DTSTART;TZID=Europe\/Amsterdam:20270316T100000/);
		const weekly = byId(weeklyId);
		expect(weekly?.rrule).toBeTruthy();
		const instances = ical.expandRecurringEvent(weekly as VEvent, {
			from: new Date('2027-03-01T00:00:00Z'),
			to: new Date('2027-05-01T00:00:00Z')
		});
		expect(instances.map((i) => i.start.toISOString())).toEqual([
			'2027-03-16T09:00:00.000Z',
			'2027-03-23T09:00:00.000Z',
			'2027-04-06T08:00:00.000Z',
			'2027-04-13T08:00:00.000Z'
		]);
		expect(instances.map((i) => localTime.format(i.start))).toEqual([
			'16-03-2027, 10:00',
			'23-03-2027, 10:00',
			'06-04-2027, 10:00',
			'13-04-2027, 10:00'
		]);
		expect(Object.keys(weekly?.exdate ?? {})).toContain('2027-03-30');
		expect(JSON.stringify(weekly?.url)).toContain(`${ORIGIN}/buurthuizen/activiteit/${weeklyId}`);
	});

	it('mark a cancelled activity and leave out unpublished ones', async () => {
		const { byId } = await eventsOf({ kind: 'centre', slug: 'de-lorzie' });
		const cancelled = byId(cancelledId);
		expect(cancelled?.status).toBe('CANCELLED');
		expect(String(cancelled?.summary)).toContain('Gaat niet door');
		expect(cancelled?.start.toISOString()).toBe('2027-03-17T13:00:00.000Z');
		expect(byId(draftId)).toBeUndefined();
		expect(byId(a3Id)).toBeUndefined();
	});

	it('serve the whole city and each wijk; an unknown slug has no feed', async () => {
		const city = await eventsOf({ kind: 'city' });
		expect(city.byId(weeklyId)).toBeTruthy();
		expect(city.byId(a3Id)).toBeTruthy();
		const assendelft = await eventsOf({ kind: 'district', slug: 'assendelft' });
		expect(assendelft.byId(a3Id)).toBeTruthy();
		expect(assendelft.byId(weeklyId)).toBeUndefined();
		expect(await loadFeed(anon(), { kind: 'centre', slug: 'bestaat-niet' })).toBeNull();
		expect(await loadFeed(anon(), { kind: 'district', slug: 'bestaat-niet' })).toBeNull();
	});
});
