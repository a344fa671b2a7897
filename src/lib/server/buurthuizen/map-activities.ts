// The activities the public pages show, read through bh-data's activities module. Until that
// lands, an empty programme: the places work without it.
import type { RequestClient } from '../supabase';

export interface MapOccurrence {
	activityId: string;
	title: string;
	category: string;
	startsAt: string;
	endsAt: string;
	centreId: string;
	districtId: string;
	costCents: number;
	cancelled: boolean;
	needsRegistration: boolean;
	maxParticipants: number | null;
	registeredCount: number;
	audience: string;
}

export interface OccurrenceQuery {
	from: Date;
	to: Date;
	districtId?: string;
	centreId?: string;
	category?: string;
	freeOnly?: boolean;
}

export async function occurrencesFor(
	supabase: RequestClient,
	query: OccurrenceQuery
): Promise<MapOccurrence[]> {
	void supabase;
	void query;
	return [];
}
