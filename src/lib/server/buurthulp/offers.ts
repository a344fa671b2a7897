// Offers (aanbod): my offers with the form's wijken (one call), posting and withdrawing an offer
// (RLS and the rate-limit trigger decide), and the public list of open offers.
import { z } from 'zod';
import { helpOfferStatus } from '#lib/buurthulp/enums';
import type { OfferForm } from '#lib/schemas/buurthulp/offers';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpErrorMessage, isRlsRefusal } from './errors';
import { districtOption, openOffer } from './shapes';

const myOffersPage = fromRow(
	z.object({
		districts: z.array(districtOption),
		homeDistrictId: z.uuid().nullable(),
		offers: z.array(
			openOffer.extend({
				status: helpOfferStatus,
				hidden: z.boolean(),
				/** The coordinator's reason when it is hidden. */
				hiddenReason: z.string().nullable().default(null)
			})
		)
	})
);

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
): Promise<WriteResult> {
	if (!viewer.municipalityId) return refused(helpErrorMessage({ message: 'forbidden' }));
	const { error } = await supabase.from('help_offers').insert({
		municipality_id: viewer.municipalityId,
		volunteer_id: viewer.id,
		district_id: form.districtId,
		category: form.category as Exclude<OfferForm['category'], ''>,
		title: form.title,
		description: form.description,
		when_text: form.whenText
	});
	if (!error) return ok();
	// The insert policy refuses blocked accounts without a message of its own.
	if (isRlsRefusal(error)) return refused(helpErrorMessage({ message: 'account_blocked' }));
	if (error.code === '23503') return refused(helpErrorMessage({ message: 'district_not_found' }));
	return refused(helpErrorMessage(error, 'help_offers'));
}

export async function withdrawOffer(
	supabase: RequestClient,
	offerId: string
): Promise<WriteResult> {
	// RLS lets only the volunteer close their own, visible offer; nothing updated means "not yours".
	const { data, error } = await supabase
		.from('help_offers')
		.update({ status: 'closed' })
		.eq('id', offerId)
		.select('id');
	if (error) return refused(helpErrorMessage(error));
	if (!data.length) return refused('Dit aanbod bestaat niet (meer) of is niet van jou.');
	return ok();
}

const offersBoard = fromRow(
	z.object({
		districts: z.array(districtOption),
		total: z.number().int(),
		items: z.array(openOffer.extend({ volunteerId: z.uuid(), volunteerName: z.string() }))
	})
);

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
