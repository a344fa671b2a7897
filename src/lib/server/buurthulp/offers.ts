// Aanbod: my offers with the form's wijken (one call), posting and withdrawing an offer (RLS and
// the rate-limit trigger decide), and the public list of open offers.
import { z } from 'zod';
import type { OfferForm } from '#lib/schemas/buurthulp/volunteers';
import type { RequestClient } from '../supabase';
import { helpErrorMessage, isRlsRefusal } from './errors';

const district = z.object({ id: z.uuid(), name: z.string() });

const myOffersPage = z.object({
	districts: z.array(district),
	home_district_id: z.uuid().nullable(),
	offers: z.array(
		z.object({
			id: z.uuid(),
			title: z.string(),
			description: z.string(),
			category: z.string(),
			district_name: z.string(),
			when_text: z.string(),
			status: z.enum(['open', 'closed']),
			hidden: z.boolean(),
			created_at: z.string()
		})
	)
});

export type MyOffersPage = z.infer<typeof myOffersPage>;

export async function loadMyOffers(supabase: RequestClient): Promise<MyOffersPage> {
	const { data, error } = await supabase.rpc('my_offers_page');
	if (error) throw new Error(`my_offers_page: ${error.message}`);
	return myOffersPage.parse(data);
}

export async function postOffer(
	supabase: RequestClient,
	viewer: { id: string; municipalityId: string | null },
	form: OfferForm
): Promise<{ problem: string } | null> {
	if (!viewer.municipalityId) return { problem: helpErrorMessage({ message: 'forbidden' }) };
	const { error } = await supabase.from('help_offers').insert({
		municipality_id: viewer.municipalityId,
		volunteer_id: viewer.id,
		district_id: form.districtId,
		category: form.category as Exclude<OfferForm['category'], ''>,
		title: form.title,
		description: form.description,
		when_text: form.whenText
	});
	if (!error) return null;
	// The insert policy refuses blocked accounts without a message of its own.
	if (isRlsRefusal(error)) return { problem: helpErrorMessage({ message: 'account_blocked' }) };
	if (error.code === '23503')
		return { problem: helpErrorMessage({ message: 'district_not_found' }) };
	return { problem: helpErrorMessage(error, 'help_offers') };
}

export async function withdrawOffer(
	supabase: RequestClient,
	offerId: string
): Promise<{ problem: string } | null> {
	// RLS lets only the volunteer close their own, visible offer; nothing updated means "not yours".
	const { data, error } = await supabase
		.from('help_offers')
		.update({ status: 'closed' })
		.eq('id', offerId)
		.select('id');
	if (error) return { problem: helpErrorMessage(error) };
	if (!data.length) return { problem: 'Dit aanbod bestaat niet (meer) of is niet van jou.' };
	return null;
}

const offersBoard = z.object({
	districts: z.array(district),
	total: z.number().int(),
	items: z.array(
		z.object({
			id: z.uuid(),
			title: z.string(),
			description: z.string(),
			category: z.string(),
			district_name: z.string(),
			when_text: z.string(),
			created_at: z.string(),
			volunteer_id: z.uuid(),
			volunteer_name: z.string()
		})
	)
});

export type OffersBoard = z.infer<typeof offersBoard>;

export const OFFERS_PER_PAGE = 20;

export async function loadOffersBoard(
	supabase: RequestClient,
	filters: { categorie?: string; wijk?: string; pagina: number }
): Promise<OffersBoard> {
	const { data, error } = await supabase.rpc('offers_board_page', {
		p_category: filters.categorie,
		p_district_id: filters.wijk,
		p_limit: OFFERS_PER_PAGE,
		p_offset: (filters.pagina - 1) * OFFERS_PER_PAGE
	});
	if (error) throw new Error(`offers_board_page: ${error.message}`);
	return offersBoard.parse(data);
}
