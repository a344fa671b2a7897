// Forms of the shops, the counter and the payouts, with their Dutch messages. IBAN with ibantools.
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import { Constants } from '#lib/database.types';
import { MAX_CHEQUE_CENTS } from '#lib/mantelzorg/limits';
import { formatCents } from '#lib/mantelzorg/shop-labels';

export const SHOP_CATEGORIES = Constants.public.Enums.shop_category;

const text = (min: number, max: number, message: string) =>
	z.string().trim().min(min, message).max(max, message);

export const shopSignUpSchema = z.object({
	name: text(2, 100, 'Vul de naam van de winkel in (2 tot 100 tekens).'),
	kvkNumber: z
		.string()
		.trim()
		.regex(/^[0-9]{8}$/, 'Een KvK-nummer heeft 8 cijfers.'),
	streetAddress: text(3, 120, 'Vul straat en huisnummer in.'),
	postcode: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'Vul een postcode in zoals 1501 AB.'),
	city: text(2, 80, 'Vul de plaats in.'),
	districtId: z.uuid('Kies een wijk uit de lijst.'),
	category: z.enum(SHOP_CATEGORIES, 'Kies wat voor winkel het is.'),
	description: z.string().trim().max(500, 'Schrijf hoogstens 500 tekens.').default(''),
	iban: z
		.string()
		.trim()
		.transform((v) => electronicFormatIBAN(v) ?? '')
		.refine((v) => isValidIBAN(v), 'Dit IBAN klopt niet. Controleer het rekeningnummer.'),
	accountHolder: text(2, 70, 'Vul de naam van de rekeninghouder in.'),
	contactName: text(2, 80, 'Vul de naam van de contactpersoon in.'),
	contactEmail: z.email('Vul een geldig e-mailadres in.').max(320),
	contactPhone: z
		.string()
		.trim()
		.regex(/^(\+?[0-9 ()-]{6,20})?$/, 'Vul een geldig telefoonnummer in, of laat het leeg.')
		.default('')
});

export const addStaffSchema = z.object({
	email: z.email('Vul het e-mailadres van de medewerker in.').max(320)
});

export const membershipIdSchema = z.object({ membershipId: z.uuid() });

export const invitationIdSchema = z.object({ invitationId: z.uuid() });

export const decideShopSchema = z.object({
	shopId: z.uuid(),
	status: z.enum(['approved', 'suspended'])
});

export const shopFilterSchema = z.object({
	wijk: z.uuid().optional().catch(undefined),
	soort: z.enum(SHOP_CATEGORIES).optional().catch(undefined)
});

/** Euros as typed at a till: "12,50", "12.50", "€ 12" → cents. */
export const amountCents = z
	.string()
	.trim()
	.transform((v) => v.replace(/^€\s*/, '').replace(',', '.'))
	.refine((v) => /^\d{1,4}(\.\d{1,2})?$/.test(v), 'Vul een bedrag in, bijvoorbeeld 12,50.')
	.transform((v) => Math.round(Number(v) * 100))
	.refine((v) => v >= 1, 'Vul een bedrag in van minstens € 0,01.')
	// No cheque holds more, so this is also "not enough on it"; redeem_cheque refuses the same.
	.refine(
		(v) => v <= MAX_CHEQUE_CENTS,
		`Er staat niet genoeg meer op deze cheque: een cheque is hoogstens ${formatCents(MAX_CHEQUE_CENTS)} waard. Kies een lager bedrag.`
	);

export const chequeCodeField = z
	.string()
	.trim()
	.min(1, 'Vul de code van de cheque in.')
	.max(40, 'Deze code is te lang. Een code heeft 16 tekens.');

export const lookupSchema = z.object({ code: chequeCodeField });

export const redeemSchema = z.object({
	code: chequeCodeField,
	amount: amountCents,
	key: z.uuid(),
	again: z
		.string()
		.optional()
		.transform((v) => v === 'ja')
});

export const undoSchema = z.object({ redemptionId: z.uuid() });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Kies een datum.');

export const createBatchSchema = z
	.object({ shopId: z.uuid('Kies een winkel.'), periodStart: isoDate, periodEnd: isoDate })
	.refine((v) => v.periodStart <= v.periodEnd, {
		message: 'De begindatum moet voor de einddatum liggen.',
		path: ['periodEnd']
	});

export const batchIdSchema = z.object({ batchId: z.uuid() });
