// Buurthuizen as places: the map and list page's one read (community_centre_map) and a single
// buurthuis's details. Snake_case stops here.
import { z } from 'zod';
import type { MapFilters } from '#lib/buurthuizen/map-filters';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';

const access = z.enum(['yes', 'limited', 'no']).nullable();

const outline = z
	.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) })
	.nullable();

const mapDistrict = z.object({
	id: z.uuid(),
	slug: z.string(),
	name: z.string(),
	latitude: z.number(),
	longitude: z.number(),
	outline
});

/** A buurthuis as a place: where it is and how to get in (the map, an activity's page). */
export const centrePlace = z.object({
	id: z.uuid(),
	slug: z.string(),
	name: z.string(),
	districtId: z.uuid(),
	streetAddress: z.string(),
	postcode: z.string(),
	city: z.string(),
	latitude: z.number(),
	longitude: z.number(),
	accessibility: z.string()
});

const mapCentre = centrePlace.extend({
	wheelchair: access,
	toiletsWheelchair: access,
	hearingLoop: access,
	parking: access,
	openingHours: z.string().nullable(),
	sharesDistrictTeam: z.boolean(),
	isDemo: z.boolean(),
	distanceM: z.number().nullable()
});

const centreMap = fromRow(
	z.object({
		origin: z
			.object({
				source: z.enum(['postcode', 'location']),
				latitude: z.number(),
				longitude: z.number(),
				districtSlug: z.string().nullable().optional(),
				districtNames: z.array(z.string()).optional()
			})
			.nullable(),
		unknownPostcode: z.boolean(),
		districts: z.array(mapDistrict),
		centres: z.array(mapCentre)
	})
);

export type MapDistrict = z.infer<typeof mapDistrict>;
export type MapCentre = z.infer<typeof mapCentre>;
export type CentreMap = z.infer<typeof centreMap>;

/** Wijken with outlines and every buurthuis, nearest first when the filters carry a place. */
export async function loadCentreMap(
	supabase: RequestClient,
	filters: Pick<MapFilters, 'postcode' | 'lat' | 'lng'>
): Promise<CentreMap> {
	const { data, error } = await supabase.rpc('community_centre_map', {
		p_postcode: filters.postcode,
		p_latitude: filters.lat,
		p_longitude: filters.lng
	});
	if (error) throw new Error(`community_centre_map: ${error.message}`);
	return centreMap.parse(data);
}

const centreDetail = fromRow(
	mapCentre.omit({ distanceM: true }).extend({
		phone: z.string().nullable(),
		email: z.string().nullable(),
		website: z.string().nullable(),
		districtTeamNote: z.string().nullable(),
		districts: z.object({ id: z.uuid(), slug: z.string(), name: z.string() })
	})
);

export type CentreDetail = z.infer<typeof centreDetail>;

/** One buurthuis of the municipality by its slug, with its wijk; null when there is none. */
export async function getCentre(
	supabase: RequestClient,
	municipalityId: string,
	slug: string
): Promise<CentreDetail | null> {
	const { data, error } = await supabase
		.from('community_centres')
		.select(
			'id, slug, name, district_id, street_address, postcode, city, latitude, longitude, accessibility, wheelchair, toilets_wheelchair, hearing_loop, parking, opening_hours, shares_district_team, district_team_note, is_demo, phone, email, website, districts (id, slug, name)'
		)
		.eq('municipality_id', municipalityId)
		.eq('slug', slug)
		.is('archived_at', null)
		.maybeSingle();
	if (error) throw new Error(`getCentre: ${error.code} ${error.message}`);
	return data ? centreDetail.parse(data) : null;
}

/** One wijk of the municipality by its slug, with its buurthuizen by name; null when there is none. */
export async function getDistrict(supabase: RequestClient, municipalityId: string, slug: string) {
	const { data, error } = await supabase
		.from('districts')
		.select(
			'id, slug, name, community_centres (id, slug, name, street_address, postcode, city, wheelchair, is_demo, archived_at)'
		)
		.eq('municipality_id', municipalityId)
		.eq('slug', slug)
		.maybeSingle();
	if (error) throw new Error(`getDistrict: ${error.code} ${error.message}`);
	if (!data) return null;
	return {
		id: data.id,
		slug: data.slug,
		name: data.name,
		centres: data.community_centres
			.filter((c) => c.archived_at === null)
			.map((c) => ({
				id: c.id,
				slug: c.slug,
				name: c.name,
				streetAddress: c.street_address,
				postcode: c.postcode,
				city: c.city,
				wheelchair: c.wheelchair,
				isDemo: c.is_demo
			}))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	};
}
