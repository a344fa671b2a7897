// Buurthuizen as the public sees them: grouped by wijk, in one query.
import type { RequestClient } from '../supabase';

export interface CentreListItem {
	id: string;
	name: string;
	streetAddress: string;
	postcode: string;
	city: string;
	accessibility: string;
	isDemo: boolean;
}

export interface DistrictWithCentres {
	id: string;
	name: string;
	centres: CentreListItem[];
}

export async function listCentresByDistrict(
	supabase: RequestClient
): Promise<DistrictWithCentres[]> {
	const { data, error } = await supabase
		.from('districts')
		.select(
			'id, name, community_centres (id, name, street_address, postcode, city, accessibility, is_demo, archived_at)'
		)
		.order('name');
	if (error) throw new Error(`listCentresByDistrict: ${error.code} ${error.message}`);
	return (data ?? []).map((d) => ({
		id: d.id,
		name: d.name,
		centres: d.community_centres
			.filter((c) => c.archived_at === null)
			.map((c) => ({
				id: c.id,
				name: c.name,
				streetAddress: c.street_address,
				postcode: c.postcode,
				city: c.city,
				accessibility: c.accessibility,
				isDemo: c.is_demo
			}))
			.sort((a, b) => a.name.localeCompare(b.name, 'nl'))
	}));
}
