// The Buurthulp benchmark data set, generated set-based in SQL (generate_series) as the database
// owner: volunteers and residents with their profiles, help requests in every status with the
// reactions and matches their status implies. Ids are derived from a row number (md5 → uuid), so
// later stages can refer to earlier rows without reading them back.
// Triggers are off while loading (session_replication_role = replica: the rate limits would refuse
// bulk inserts); what they would have done (profiles, availability masks) is written explicitly.
import type postgres from 'postgres';

export const VOLUNTEERS = 20_000;
export const RESIDENTS = 15_000;
export const CATEGORIES = [
	'groceries',
	'transport',
	'odd_jobs',
	'garden',
	'company',
	'computer_help',
	'paperwork',
	'other'
] as const;

/** Dutch words that occur in the generated titles and descriptions, for the text search. */
export const SEARCH_WORDS = [
	'boodschappen',
	'supermarkt',
	'ziekenhuis',
	'tablet',
	'schutting',
	'heg snoeien',
	'wandelen',
	'formulier',
	'lamp ophangen',
	'koffie',
	'huisarts',
	'belastingaangifte',
	'computer',
	'tuin'
];

/** Per category: title templates and description sentences the generator picks from. */
const TEXTS: Record<(typeof CATEGORIES)[number], { titles: string[]; lines: string[] }> = {
	groceries: {
		titles: [
			'Boodschappen doen bij de supermarkt',
			'Wie haalt mijn boodschappen?',
			'Hulp bij wekelijkse boodschappen',
			'Zware boodschappen naar boven dragen'
		],
		lines: [
			'Ik kan zelf niet meer goed lopen en zoek iemand die boodschappen haalt bij de supermarkt.',
			'Het gaat om een kleine lijst: brood, melk, fruit en koffie.',
			'Ik woon op de derde verdieping zonder lift, dus de tassen zijn zwaar.'
		]
	},
	transport: {
		titles: [
			'Vervoer naar het ziekenhuis',
			'Rit naar de huisarts gezocht',
			'Wie brengt mij naar de markt?',
			'Samen naar de fysiotherapeut'
		],
		lines: [
			'Ik heb een afspraak in het ziekenhuis en kan niet zelf rijden.',
			'Het liefst iemand met een auto, ik heb een rollator bij me.',
			'Na de afspraak moet ik ook weer terug naar huis.'
		]
	},
	odd_jobs: {
		titles: [
			'Lamp ophangen in de woonkamer',
			'Klusje: kastje in elkaar zetten',
			'Hulp bij het ophangen van gordijnen',
			'Lekkende kraan repareren'
		],
		lines: [
			'Een kleine klus in huis, gereedschap is aanwezig.',
			'Ik kan zelf niet meer op een trapje staan.',
			'Het duurt waarschijnlijk niet langer dan een uurtje.'
		]
	},
	garden: {
		titles: [
			'Heg snoeien in de voortuin',
			'Tuin opruimen na de winter',
			'Schutting schilderen',
			'Hulp met gras maaien'
		],
		lines: [
			'Mijn tuin is te veel werk geworden sinds mijn operatie.',
			'De schutting en de heg moeten hoognodig bijgewerkt worden.',
			'Snoeischaar en grasmaaier staan klaar in de schuur.'
		]
	},
	company: {
		titles: [
			'Samen een kopje koffie drinken',
			'Wandelen in het park',
			'Gezelschap voor een spelletje',
			'Iemand om mee te praten'
		],
		lines: [
			'Ik ben veel alleen en zou graag eens per week bezoek krijgen.',
			'Samen wandelen langs de Zaan of een kopje koffie drinken.',
			'Ik houd van kaarten, puzzelen en verhalen over vroeger.'
		]
	},
	computer_help: {
		titles: [
			'Uitleg over mijn tablet',
			'Computer doet het niet meer',
			'Hulp met videobellen met kleinkinderen',
			'Wachtwoord van mijn e-mail vergeten'
		],
		lines: [
			'Ik heb een nieuwe tablet en snap niet hoe ik apps installeer.',
			'Mijn computer is erg traag en ik krijg vreemde meldingen.',
			'Ik wil graag leren videobellen met mijn familie.'
		]
	},
	paperwork: {
		titles: [
			'Hulp bij een formulier van de gemeente',
			'Belastingaangifte invullen',
			'Post en rekeningen ordenen',
			'Brief van de zorgverzekering begrijpen'
		],
		lines: [
			'Ik krijg veel post en begrijp de brieven niet altijd.',
			'Het formulier moet voor het einde van de maand binnen zijn.',
			'Iemand die rustig meeleest en uitlegt wat er staat.'
		]
	},
	other: {
		titles: [
			'Hond uitlaten tijdens ziekenhuisopname',
			'Hulp bij verhuizen van een paar dozen',
			'Planten water geven tijdens vakantie',
			'Iemand die meegaat naar de bibliotheek'
		],
		lines: [
			'Het is een kleine vraag, maar voor mij maakt het veel verschil.',
			'Ik woon vlak bij het buurthuis.',
			'Graag iemand uit de buurt die vaker kan helpen.'
		]
	}
};

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (xs: readonly string[]) => `array[${xs.map(lit).join(', ')}]::text[]`;

/** Helper functions in a schema of their own, dropped with the database. */
const HELPERS = `
create schema if not exists bench;
-- A deterministic pseudo-random number in [0, 1) from any text.
create or replace function bench.rnd(p text) returns double precision
language sql immutable parallel safe as $$
	select (('x' || substr(md5(p), 1, 8))::bit(32)::bigint)::double precision / 4294967296.0;
$$;
-- A valid version-4-shaped uuid (the app's zod schemas check version and variant).
create or replace function bench.uid(p_kind text, p_n bigint) returns uuid
language sql immutable parallel safe as $$
	select overlay(overlay(md5(p_kind || '-' || p_n) placing '4' from 13) placing '8' from 17)::uuid;
$$;
create table if not exists bench.texts (category text primary key, titles text[], lines text[]);
create table if not exists bench.districts as
	select row_number() over (order by slug) as n, id, latitude, longitude
	from public.districts
	where municipality_id = (select id from public.municipalities where slug = 'zaanstad');
`;

function textsInsert(): string {
	return `insert into bench.texts values ${Object.entries(TEXTS)
		.map(([c, t]) => `(${lit(c)}, ${textArray(t.titles)}, ${textArray(t.lines)})`)
		.join(',\n')} on conflict do nothing;`;
}

/** Accounts: auth.users, profiles, profile_contacts and (for volunteers) volunteer_profiles. */
function peopleSql(municipalityId: string): string {
	const cats = textArray(CATEGORIES);
	return `
insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at,
	raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select bench.uid(k.kind, g), 'authenticated', 'authenticated', format('%s-%s@bench.example', k.kind, g), null,
	now() - interval '400 days',
	-- lite's PostgreSQL driver stores metadata as a JSON string; do the same.
	to_jsonb('{"provider":"email","providers":["email"]}'::text),
	to_jsonb(json_build_object('display_name', initcap(k.kind) || ' ' || g)::text),
	now() - interval '400 days', now()
from (values ('vrijwilliger', ${VOLUNTEERS}), ('bewoner', ${RESIDENTS})) k(kind, n)
cross join lateral generate_series(1, k.n) g;

insert into public.profiles (id, municipality_id, display_name, district_id, created_at)
select bench.uid(k.kind, g), ${lit(municipalityId)}, initcap(k.kind) || ' ' || g,
	(select d.id from bench.districts d where d.n = 1 + floor(bench.rnd('pd' || k.kind || g) * 11)),
	now() - interval '400 days'
from (values ('vrijwilliger', ${VOLUNTEERS}), ('bewoner', ${RESIDENTS})) k(kind, n)
cross join lateral generate_series(1, k.n) g;

insert into public.profile_contacts (profile_id, phone)
select bench.uid(k.kind, g), case when bench.rnd('ph' || k.kind || g) < 0.7 then '06 ' || (10000000 + g) end
from (values ('vrijwilliger', ${VOLUNTEERS}), ('bewoner', ${RESIDENTS})) k(kind, n)
cross join lateral generate_series(1, k.n) g;

insert into public.volunteer_profiles (user_id, municipality_id, home_district_id, categories, district_ids,
	radius_km, availability_mask, max_active_matches, is_paused, about)
select bench.uid('vrijwilliger', g), ${lit(municipalityId)}, home.id,
	-- Most volunteers pick a few categories; one in ten leaves it open (= everything).
	case when bench.rnd('ca' || g) < 0.1 then '{}'::text[]
		else array(select c from unnest(${cats}) c where bench.rnd('c' || c || g) < 0.3) end,
	-- Half choose wijken (their own, sometimes a neighbour), half rely on the radius only.
	case when bench.rnd('dw' || g) < 0.5 then '{}'::uuid[]
		else array(select d.id from bench.districts d
			where d.id = home.id or bench.rnd('dd' || d.n || '-' || g) < 0.12) end,
	(array[1, 2, 2, 3, 3, 3, 5, 5, 10])[1 + floor(bench.rnd('r' || g) * 9)::int],
	case when bench.rnd('am' || g) < 0.2 then 2097151 else floor(bench.rnd('a' || g) * 2097152)::int end,
	(array[1, 2, 3, 3, 3, 3, 4, 5])[1 + floor(bench.rnd('m' || g) * 8)::int],
	bench.rnd('p' || g) < 0.05,
	'Ik help graag mensen in de buurt.'
from generate_series(1, ${VOLUNTEERS}) g
cross join lateral (select d.id from bench.districts d
	where d.n = 1 + floor(bench.rnd('pd' || 'vrijwilliger' || g) * 11)) home;
`;
}

export type RequestMix = 'mixed' | 'closed' | 'open' | 'placeholder';

/**
 * Help requests g = from..to. 'mixed': 30 % open, the rest closed; 'closed': all closed;
 * 'open': all open; 'placeholder': cancelled, without reactions (deleted and re-inserted as open
 * later, so the closed-only stage already has its final size).
 */
function requestsSql(from: number, to: number, mix: RequestMix, coordinatorId: string): string {
	const status =
		mix === 'open'
			? `'open'`
			: mix === 'placeholder'
				? `'cancelled'`
				: `case when ${mix === 'mixed' ? `g % 10 < 3` : 'false'} then 'open'
					when bench.rnd('s' || g) < 0.04 then 'matched'
					when bench.rnd('s' || g) < 0.60 then 'done'
					when bench.rnd('s' || g) < 0.75 then 'cancelled'
					else 'expired' end`;
	return `
with base as (
	select g, ${status} as status,
		d.id as district_id, d.latitude as dlat, d.longitude as dlng,
		(array[${CATEGORIES.map(lit).join(', ')}])[1 + floor(bench.rnd('cat' || g) * 8)::int] as category,
		bench.rnd('wk' || g) as wk, bench.rnd('dt' || g) as dt
	from generate_series(${from}, ${to}) g
	join bench.districts d on d.n = 1 + floor(bench.rnd('dist' || g) * 11)
),
dated as (
	select b.*,
		case
			when b.status in ('open', 'cancelled') and b.wk < 0.25 then 'flexible'
			when b.wk < 0.4 then 'range'
			else 'date' end as when_kind,
		case
			when b.status = 'open' then current_date + floor(b.dt * 45)::int
			when b.status = 'matched' then current_date - 7 + floor(b.dt * 21)::int
			else current_date - 1 - floor(b.dt * 400)::int end as day
	from base b
),
shaped as (
	select d.*,
		case when d.when_kind = 'flexible' then null else d.day end as starts_on,
		case when d.when_kind = 'range' then d.day + 1 + floor(bench.rnd('len' || d.g) * 10)::int end as ends_on,
		(array['morning', 'afternoon', 'evening', 'any'])[1 + floor(bench.rnd('dp' || d.g) * 4)::int] as day_part,
		-- Open requests were posted in the last month; closed ones some weeks before their date.
		case when d.status = 'open' then now() - bench.rnd('ca' || d.g) * interval '30 days'
			else (d.day - 3 - floor(bench.rnd('ca' || d.g) * 25)::int)::timestamptz + interval '10 hours' end as created_at,
		bench.rnd('rq' || d.g) < 0.02 as by_coordinator
	from dated d
)
insert into public.help_requests (id, municipality_id, district_id, requester_id, created_by, category, title,
	description, postcode_area, latitude, longitude, when_kind, starts_on, ends_on, day_part, duration_minutes,
	recurrence, availability_mask, is_vulnerable, status, hidden_at, matched_at, done_at, cancelled_at,
	created_at, updated_at)
select bench.uid('req', s.g), (select municipality_id from public.districts where id = s.district_id),
	s.district_id,
	case when s.by_coordinator then null else bench.uid('bewoner', 1 + floor(bench.rnd('who' || s.g) * ${RESIDENTS})::int) end,
	case when s.by_coordinator then ${lit(coordinatorId)}::uuid
		else bench.uid('bewoner', 1 + floor(bench.rnd('who' || s.g) * ${RESIDENTS})::int) end,
	s.category,
	t.titles[1 + floor(bench.rnd('ti' || s.g) * cardinality(t.titles))::int],
	t.lines[1 + floor(bench.rnd('l1' || s.g) * cardinality(t.lines))::int] || ' '
		|| t.lines[1 + floor(bench.rnd('l2' || s.g) * cardinality(t.lines))::int],
	-- One of the wijk's postcode areas where it has them (a trigger refuses any other).
	coalesce((select (d.postcode_areas[1 + floor(bench.rnd('pc' || s.g) * cardinality(d.postcode_areas))::int])::text
		from public.districts d where d.id = s.district_id and cardinality(d.postcode_areas) > 0),
		(1500 + floor(bench.rnd('pc' || s.g) * 70)::int)::text),
	round((s.dlat + (bench.rnd('la' || s.g) - 0.5) * 0.012)::numeric, 3),
	round((s.dlng + (bench.rnd('lo' || s.g) - 0.5) * 0.018)::numeric, 3),
	s.when_kind, s.starts_on, s.ends_on, s.day_part,
	15 * (1 + floor(bench.rnd('du' || s.g) * 12)::int),
	case when bench.rnd('rc' || s.g) < 0.85 then 'once' else 'weekly' end,
	public.availability_mask_for(s.when_kind, s.starts_on, s.ends_on, s.day_part),
	bench.rnd('vu' || s.g) < 0.1,
	s.status,
	case when s.status = 'open' and bench.rnd('hi' || s.g) < 0.005 then now() end,
	case when s.status in ('matched', 'done') then s.created_at + interval '2 days' end,
	case when s.status = 'done' then coalesce(s.starts_on, s.day)::timestamptz + interval '15 hours' end,
	case when s.status = 'cancelled' then s.created_at + interval '1 day' end,
	s.created_at, s.created_at
from shaped s join bench.texts t on t.category = s.category;

-- Matched and done requests: the accepted reaction and the match. Each active match goes to
-- another volunteer (row number spread over all volunteers), so nobody exceeds their maximum.
with m as (
	select r.id as request_id, r.municipality_id, r.requester_id, r.status, r.matched_at, r.done_at, g,
		case when r.status = 'matched'
			then (select count(*) from public.matches x where x.status = 'active')
				+ row_number() over (partition by r.status order by g)
			else 1 + floor(bench.rnd('mv' || g) * ${VOLUNTEERS})::int end as v
	from generate_series(${from}, ${to}) g
	join public.help_requests r on r.id = bench.uid('req', g)
	where r.status in ('matched', 'done')
),
resp as (
	insert into public.responses (id, municipality_id, request_id, volunteer_id, message, status, created_at, updated_at)
	select bench.uid('acc', m.g), m.municipality_id, m.request_id,
		bench.uid('vrijwilliger', 1 + ((m.v * 7919) % ${VOLUNTEERS})), 'Ik help u graag!', 'accepted',
		m.matched_at - interval '1 day', m.matched_at
	from m
	returning id, request_id, volunteer_id
)
insert into public.matches (id, municipality_id, request_id, response_id, volunteer_id, requester_id, status,
	done_at, created_at, updated_at)
select bench.uid('match', m.g), m.municipality_id, m.request_id, resp.id, resp.volunteer_id, m.requester_id,
	case when m.status = 'matched' then 'active' else 'done' end, m.done_at, m.matched_at,
	coalesce(m.done_at, m.matched_at)
from m join resp on resp.request_id = m.request_id;

insert into public.thanks (match_id, municipality_id, volunteer_id, created_by, message)
select x.id, x.municipality_id, x.volunteer_id, r.created_by, 'Heel erg bedankt voor je hulp!'
from generate_series(${from}, ${to}) g
join public.matches x on x.id = bench.uid('match', g)
join public.help_requests r on r.id = x.request_id
where x.status = 'done' and bench.rnd('th' || g) < 0.4;

-- Open requests: 0–3 pending reactions from different volunteers (Voor jou leaves those out).
insert into public.responses (id, municipality_id, request_id, volunteer_id, message, status, created_at, updated_at)
select bench.uid('resp' || k, g), r.municipality_id, r.id,
	bench.uid('vrijwilliger', 1 + ((floor(bench.rnd('rv' || g) * ${VOLUNTEERS})::int + k * 997) % ${VOLUNTEERS})),
	'Ik kan u helpen, wanneer komt het uit?', 'pending', r.created_at + interval '3 hours', r.created_at + interval '3 hours'
from generate_series(${from}, ${to}) g
join public.help_requests r on r.id = bench.uid('req', g)
cross join generate_series(0, 2) k
where r.status = 'open' and bench.rnd('nr' || g) < 0.25 * (3 - k);
`;
}

export interface Dataset {
	/** Seconds spent per step, for the report. */
	timings: { step: string; seconds: number }[];
}

/** Runs SQL as the owner with triggers off, inside one transaction. */
async function load(sql: postgres.Sql, text: string) {
	await sql.begin(async (tx) => {
		await tx.unsafe('set local session_replication_role = replica');
		await tx.unsafe(text);
	});
}

export async function createPeople(sql: postgres.Sql, municipalityId: string) {
	await sql.unsafe(HELPERS);
	await sql.unsafe(textsInsert());
	await load(sql, peopleSql(municipalityId));
}

export async function addRequests(
	sql: postgres.Sql,
	from: number,
	to: number,
	mix: RequestMix,
	coordinatorId: string
) {
	await load(sql, requestsSql(from, to, mix, coordinatorId));
}

/** Turns the placeholders g = from..to into open requests (delete + insert, no leftovers). */
export async function reopenPlaceholders(
	sql: postgres.Sql,
	from: number,
	to: number,
	coordinatorId: string
) {
	await load(
		sql,
		`delete from public.help_requests where id in (select bench.uid('req', g) from generate_series(${from}, ${to}) g);
		${requestsSql(from, to, 'open', coordinatorId)}`
	);
}

export async function analyze(sql: postgres.Sql) {
	await sql.unsafe('vacuum analyze');
}

export async function counts(sql: postgres.Sql) {
	const [row] = await sql<{ total: number; open: number; volunteers: number; active: number }[]>`
		select (select count(*) from public.help_requests)::int as total,
			(select count(*) from public.help_requests where status = 'open')::int as open,
			(select count(*) from public.volunteer_profiles)::int as volunteers,
			(select count(*) from public.matches where status = 'active')::int as active`;
	return row as { total: number; open: number; volunteers: number; active: number };
}
