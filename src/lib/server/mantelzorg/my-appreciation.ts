// The carer's own page, /mantelzorg/mijn: their applications (with an open question to answer),
// their cheques with a QR code, and the letter of one cheque as a PDF.
import { z } from 'zod';
import type { RequestClient } from '../supabase';
import { fromRow } from '../rows';
import { chequeQrSvg } from './qr';
import { addressBlock, formatPostcode } from './letter-address';
import { renderLetter, type LetterShop } from './letters';
import { groupCode } from '#lib/mantelzorg/display';
import { applicationStatus, chequeKind, chequeStatus } from '#lib/mantelzorg/enums';

const carerPageRow = fromRow(
	z.object({
		openScheme: z.object({ year: z.number(), applicationClosesOn: z.string() }).nullable(),
		applications: z.array(
			z.object({
				id: z.uuid(),
				status: applicationStatus,
				createdAt: z.string(),
				schemeYear: z.number(),
				careRecipientName: z.string(),
				question: z.string().nullable(),
				answer: z.string().nullable(),
				decidedAt: z.string().nullable(),
				rejectionReason: z.string().nullable()
			})
		),
		cheques: z.array(
			z.object({
				id: z.uuid(),
				kind: chequeKind,
				code: z.string(),
				valueCents: z.number(),
				remainingCents: z.number(),
				expiresOn: z.string(),
				status: chequeStatus,
				receipts: z
					.array(
						z.object({
							amountCents: z.number(),
							shopName: z.string(),
							createdAt: z.string(),
							undoneAt: z.string().nullish()
						})
					)
					.nullable()
			})
		)
	})
);

/** /mantelzorg/mijn: the carer's applications and cheques (QR code, receipts), one call. */
export async function loadCarerPage(supabase: RequestClient) {
	const { data } = await supabase.rpc('my_carer_page');
	const parsed = carerPageRow.safeParse(data);
	if (!parsed.success) return { openScheme: null, applications: [], cheques: [] };
	const cheques = await Promise.all(
		parsed.data.cheques.map(async (cheque) => ({
			id: cheque.id,
			kind: cheque.kind,
			code: cheque.code,
			valueCents: cheque.valueCents,
			remainingCents: cheque.remainingCents,
			expiresOn: cheque.expiresOn,
			status: cheque.status,
			// A blocked code must not be shown as something to scan.
			qrSvg:
				cheque.status === 'active'
					? await chequeQrSvg(cheque.code, `QR-code met de code ${groupCode(cheque.code)}`)
					: '',
			receipts: (cheque.receipts ?? [])
				.filter((r) => !r.undoneAt)
				.map((r) => ({
					shopName: r.shopName,
					amountCents: r.amountCents,
					at: r.createdAt
				}))
		}))
	);
	return { ...parsed.data, cheques };
}

export { answerQuestion } from './applications';

const letterRow = fromRow(
	z.object({
		kind: chequeKind,
		code: z.string(),
		valueCents: z.number(),
		remainingCents: z.number(),
		expiresOn: z.string(),
		status: z.string(),
		holderFirstName: z.string().nullable(),
		municipalityId: z.uuid(),
		schemes: z.object({ year: z.number() }),
		municipalities: z.object({ name: z.string() }),
		applications: z
			.object({
				carerLastName: z.string(),
				carerPostcode: z.string(),
				carerHouseNumber: z.string(),
				carerStreet: z.string().nullable(),
				carerTown: z.string().nullable(),
				districts: z.object({ name: z.string() }).nullable()
			})
			.nullable()
	})
);

/** An approved shop as the SQL lists it for the letters (approved_shops, print_letter_queue). */
export const letterShopRow = z.object({
	name: z.string(),
	streetAddress: z.string(),
	postcode: z.string(),
	city: z.string(),
	districtName: z.string().nullable()
});

const shopRows = fromRow(z.object({ shops: z.array(letterShopRow) }));

export const toLetterShop = (s: z.infer<typeof letterShopRow>): LetterShop => ({
	name: s.name,
	address: `${s.streetAddress}, ${formatPostcode(s.postcode)} ${s.city}`,
	district: s.districtName
});

/** The municipality's approved shops as the letter lists them. */
export async function loadLetterShops(
	supabase: RequestClient,
	municipalityId: string
): Promise<LetterShop[]> {
	const { data } = await supabase.rpc('approved_shops', { p_municipality_id: municipalityId });
	const parsed = shopRows.safeParse(data);
	return parsed.success ? parsed.data.shops.map(toLetterShop) : [];
}

/** The letter of one of the carer's own active cheques (RLS shows no one else's); null if none. */
export async function renderMyChequeLetter(
	supabase: RequestClient,
	chequeId: string,
	shopListUrl: string
): Promise<Buffer | null> {
	const { data } = await supabase
		.from('cheques')
		.select(
			'kind, code, value_cents, remaining_cents, expires_on, status, holder_first_name, municipality_id, schemes(year), municipalities(name), applications(carer_last_name, carer_postcode, carer_house_number, carer_street, carer_town, districts(name))'
		)
		.eq('id', chequeId)
		.maybeSingle();
	const parsed = letterRow.safeParse(data);
	if (!parsed.success || parsed.data.status !== 'active') return null;
	const cheque = parsed.data;
	const shops = await loadLetterShops(supabase, cheque.municipalityId);
	const firstName = cheque.holderFirstName ?? '';
	const app = cheque.applications;
	return renderLetter(
		{
			kind: cheque.kind,
			purpose: 'issued',
			code: cheque.code,
			valueCents: cheque.valueCents,
			remainingCents: cheque.remainingCents,
			expiresOn: cheque.expiresOn,
			holderFirstName: firstName,
			addressLines: app
				? addressBlock(
						{
							firstName,
							lastName: app.carerLastName,
							postcode: app.carerPostcode,
							houseNumber: app.carerHouseNumber,
							street: app.carerStreet,
							town: app.carerTown
						},
						cheque.municipalities.name
					)
				: [firstName],
			district: app?.districts?.name ?? null,
			year: cheque.schemes.year,
			municipalityName: cheque.municipalities.name
		},
		shops,
		{ shopListUrl }
	);
}
