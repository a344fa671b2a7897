// A person with data in every area, in a municipality of their own, for the privacy tests
// (export, processing log, account deletion): a resident who asks for help, volunteers, cares for
// someone and goes to the buurthuis, and the people around them (a volunteer, a consulent, a
// coordinator, a buurthuis board member). Everything through the real APIs, as they would.
import { randomUUID } from 'node:crypto';
import { fromAmsterdam } from '../../src/lib/buurthuizen/dates.ts';
import { sql, type TestUser } from './factories.ts';
import { dayFromNow } from './days.ts';
import {
	applicationArgs,
	bornYearsAgo,
	createMunicipality,
	createScheme,
	personIn,
	type TestMunicipality
} from './mantelzorg-factories.ts';

async function must<T>(
	call: PromiseLike<{ data: T; error: unknown }>,
	what: string
): Promise<NonNullable<T>> {
	const { data, error } = await call;
	if (error) throw new Error(`${what}: ${JSON.stringify(error)}`);
	return data as NonNullable<T>;
}

/** The values that identify the person; tests look for them in every column afterwards. */
export interface Identity {
	firstName: string;
	lastName: string;
	displayName: string;
	email: string;
	phone: string;
	street: string;
	postcode: string;
	houseNumber: string;
}

export interface PrivacyWorld {
	m: TestMunicipality;
	person: TestUser;
	identity: Identity;
	volunteer: TestUser;
	volunteerIdentity: Identity;
	caseworker: TestUser;
	coordinator: TestUser;
	board: TestUser;
	centreId: string;
	activityId: string;
	occursOn: string;
	openRequestId: string;
	matchedRequestId: string;
	matchId: string;
	volunteersRequestId: string;
	approvedApplicationId: string;
	openApplicationId: string;
	chequeId: string;
}

function identityFor(label: string, email: string): Identity {
	const tag = randomUUID().replaceAll('-', '').slice(0, 6);
	const firstName = `${label}${tag.slice(0, 3)}`;
	const lastName = `Achternaam${tag}`;
	// Unique per test, so a search for them finds only this person's rows.
	const digits = String(Math.floor(1e7 + Math.random() * 8.9e7));
	return {
		firstName,
		lastName,
		displayName: `${firstName} ${lastName}`,
		email,
		phone: `06${digits}`,
		street: `Straatweg${tag}`,
		postcode: '1561AB',
		houseNumber: String(10 + Math.floor(Math.random() * 900))
	};
}

async function named(m: TestMunicipality, label: string, role?: Parameters<typeof personIn>[2]) {
	const user = await personIn(m.id, label, role, role === 'caseworker' ? [m.north] : []);
	const identity = identityFor(label[0]!.toUpperCase() + label.slice(1), user.email);
	await must(
		user.client.rpc('update_my_profile', {
			p_display_name: identity.displayName,
			p_district_id: m.north,
			p_phone: identity.phone,
			p_street_address: `${identity.street} ${identity.houseNumber}`,
			p_postcode: '1561 AB',
			p_city: 'Zaandam'
		}),
		'update_my_profile'
	);
	return { user, identity };
}

export async function privacyWorld(): Promise<PrivacyWorld> {
	const m = await createMunicipality();
	await createScheme(m.id);
	const { user: person, identity } = await named(m, 'inwoner');
	const { user: volunteer, identity: volunteerIdentity } = await named(m, 'vrijwilliger');
	const caseworker = await personIn(m.id, 'consulent', 'caseworker', [m.north]);
	const coordinator = await personIn(m.id, 'coordinator', 'coordinator');
	const board = await personIn(m.id, 'bestuur');

	for (const v of [volunteer, person]) {
		await must(
			v.client.rpc('save_volunteer_profile', {
				p_home_district_id: m.north,
				p_categories: [],
				p_district_ids: [m.north, m.south],
				p_radius_km: 10,
				p_availability_mask: 2097151,
				p_max_active_matches: 5,
				p_is_paused: false,
				p_about: 'Ik help graag in de buurt.'
			}),
			'save_volunteer_profile'
		);
	}

	const post = (client: TestUser['client'], title: string, street: string | null) =>
		must(
			client.rpc('post_help_request', {
				p_district_id: m.north,
				p_category: 'groceries',
				p_title: title,
				p_description: 'Boodschappen halen bij de supermarkt om de hoek.',
				p_postcode_area: '1561',
				p_when_kind: 'date',
				p_starts_on: dayFromNow(3),
				p_ends_on: null as unknown as string,
				p_day_part: 'any',
				p_duration_minutes: 60,
				p_recurrence: 'once',
				p_street_address: street as string
			}),
			'post_help_request'
		);

	const street = `${identity.street} ${identity.houseNumber}`;
	const openRequestId = await post(person.client, 'Hulp bij de boodschappen', street);
	const matchedRequestId = await post(person.client, 'Een lamp ophangen in de gang', street);
	const volunteersRequestId = await post(volunteer.client, 'Samen wandelen in het park', null);

	const respond = (v: TestUser, requestId: string, message: string) =>
		must(
			v.client
				.from('responses')
				.insert({ municipality_id: m.id, request_id: requestId, volunteer_id: v.id, message })
				.select('id')
				.single(),
			'respond'
		);
	await respond(volunteer, openRequestId, 'Ik kan dinsdag helpen.');
	const accepted = await respond(volunteer, matchedRequestId, 'Ik heb een ladder.');
	await respond(person, volunteersRequestId, 'Ik wandel graag mee.');
	const matchId = await must(
		person.client.rpc('accept_response', { p_response_id: accepted.id }),
		'accept_response'
	);
	const message = (client: TestUser['client'], senderId: string, body: string) =>
		must(
			client.from('match_messages').insert({
				municipality_id: m.id,
				match_id: matchId,
				sender_id: senderId,
				body
			}),
			'message'
		);
	await message(
		person.client,
		person.id,
		`Bel me gerust: ${identity.phone}. Groet, ${identity.firstName}`
	);
	await message(
		volunteer.client,
		volunteer.id,
		`Prima! Mijn nummer is ${volunteerIdentity.phone}.`
	);

	// Mantelzorgwaardering: one approved application (with its cheque) and one still open.
	const args = applicationArgs({
		firstName: identity.firstName,
		lastName: identity.lastName,
		birthDate: bornYearsAgo(54),
		postcode: '1561 AB',
		houseNumber: identity.houseNumber,
		districtId: m.north
	});
	const approvedApplicationId = await must(
		person.client.rpc('submit_application', { ...args, p_carer_phone: identity.phone }),
		'submit_application'
	);
	const openApplicationId = await must(
		person.client.rpc('submit_application', {
			...args,
			p_care_recipient_name: `Vader ${randomUUID().slice(0, 6)}`,
			p_carer_phone: identity.phone
		}),
		'submit_application (2)'
	);
	const chequeId = await must(
		caseworker.client.rpc('approve_application', { p_application_id: approvedApplicationId }),
		'approve_application'
	);

	// Buurthuizen: a centre of the municipality, its board, an activity with registration.
	const [centreRow] = await sql<{ id: string }>(
		`insert into public.community_centres (municipality_id, district_id, slug, name, street_address, postcode, city, latitude, longitude)
		 values ('${m.id}', '${m.north}', 'bh-${randomUUID().slice(0, 8)}', 'Buurthuis Test', 'Dorpsstraat 1', '1561 AA', 'Zaandam', 52.46, 4.8)
		 returning id`
	);
	const centreId = centreRow?.id as string;
	await sql(
		`insert into public.memberships (user_id, municipality_id, role, community_centre_id)
		 values ('${board.id}', '${m.id}', 'board_member', '${centreId}')`
	);
	const occursOn = dayFromNow(5);
	const activityId = await must(
		board.client.rpc('create_activity', {
			p_centre_id: centreId,
			p_title: 'Koffieochtend',
			p_description: 'Samen koffie drinken.',
			p_category: 'koffieochtend',
			p_audience: 'everyone',
			p_starts_at: fromAmsterdam(occursOn, '10:00').toISOString(),
			p_ends_at: fromAmsterdam(occursOn, '12:00').toISOString(),
			p_recurrence: 'once',
			p_repeat_until: null as unknown as string,
			p_cost_cents: 0,
			p_needs_registration: true,
			p_max_participants: 20,
			p_social_goal_id: null as unknown as string,
			p_published: true
		}),
		'create_activity'
	);
	await must(
		person.client.rpc('register_for_activity', {
			p_activity_id: activityId,
			p_occurs_on: occursOn
		}),
		'register_for_activity'
	);

	return {
		m,
		person,
		identity,
		volunteer,
		volunteerIdentity,
		caseworker,
		coordinator,
		board,
		centreId,
		activityId,
		occursOn,
		openRequestId,
		matchedRequestId,
		matchId,
		volunteersRequestId,
		approvedApplicationId,
		openApplicationId,
		chequeId
	};
}
