// The counter's refusals and the shop and payout errors as Dutch sentences (B1), for staff at a
// busy till and for the municipality. Unknown errors fall back to db-errors.ts.
import { MAX_CHEQUE_CENTS } from '#lib/mantelzorg/limits';
import { formatCents } from '#lib/mantelzorg/shop-labels';
import { dbErrorMessage, type DbError } from '../db-errors';

/** Answers of redeem_cheque / lookup_cheque with ok = false. */
export const COUNTER_REFUSALS: Record<string, string> = {
	code_unknown: 'Deze code kennen we niet. Controleer de code en typ hem opnieuw.',
	code_entry_locked:
		'Er zijn te vaak verkeerde codes ingevoerd. Invoeren kan over een kwartier weer. De gemeente is op de hoogte gebracht.',
	cheque_blocked:
		'Deze cheque is geblokkeerd, bijvoorbeeld omdat hij kwijt was. Vraag de klant om de nieuwe cheque.',
	cheque_expired: 'Deze cheque is verlopen. Hij kan niet meer gebruikt worden.',
	cheque_used: 'Deze cheque is al helemaal gebruikt. Er staat niets meer op.',
	insufficient_balance: 'Er staat niet genoeg meer op deze cheque. Kies een lager bedrag.',
	confirm_again:
		'Deze cheque is een paar minuten geleden al in deze winkel gebruikt. Klopt het dat je hem nog een keer wilt gebruiken? Bevestig dan opnieuw.',
	idempotency_key_reused: 'Deze betaling is al verwerkt. Zoek de cheque opnieuw op.'
};

export const counterRefusal = (reason: string | null | undefined) =>
	COUNTER_REFUSALS[reason ?? ''] ?? 'Deze cheque kan nu niet gebruikt worden.';

const ERRORS: Record<string, string> = {
	shop_not_approved:
		'Je winkel is nog niet goedgekeurd door de gemeente. Daarna kun je cheques aannemen.',
	shop_not_found: 'Deze winkel bestaat niet (meer).',
	kvk_already_registered:
		'Er is al een winkel aangemeld met dit KvK-nummer. Neem contact op met de gemeente als dit niet klopt.',
	district_not_found: 'Kies een wijk uit de lijst.',
	account_blocked: 'Je account is geblokkeerd. Neem contact op met de gemeente.',
	invalid_email: 'Vul een geldig e-mailadres in.',
	invitation_not_found:
		'Deze uitnodiging bestaat niet (meer), of is naar een ander e-mailadres gestuurd. Log in met het e-mailadres waar de uitnodiging naartoe ging.',
	invitation_expired: 'Deze uitnodiging is verlopen. Vraag de winkel om je opnieuw uit te nodigen.',
	membership_not_found: 'Deze medewerker bestaat niet (meer).',
	invalid_amount: `Vul een bedrag in van € 0,01 tot en met ${formatCents(MAX_CHEQUE_CENTS)}.`,
	redemption_not_found: 'Deze betaling bestaat niet, of je hebt hem niet zelf gedaan.',
	redemption_batched:
		'Deze betaling zit al in een uitbetaling van de gemeente. Ongedaan maken kan niet meer.',
	redemption_already_undone: 'Deze betaling is al ongedaan gemaakt.',
	undo_window_passed:
		'Ongedaan maken kan alleen in de eerste 5 minuten na de betaling. Neem contact op met de gemeente als er iets niet klopt.',
	invalid_period: 'De begindatum moet voor de einddatum liggen.',
	nothing_to_pay: 'Er zijn in deze periode geen verzilveringen die nog niet uitbetaald zijn.',
	batch_not_found: 'Deze uitbetaling bestaat niet (meer).',
	batch_not_draft: 'Deze uitbetaling is al goedgekeurd.',
	batch_made_by_you:
		'Je hebt deze uitbetaling zelf klaargezet. Een andere beheerder keurt hem goed (vier-ogenprincipe).',
	batch_not_approved: 'Keur de uitbetaling eerst goed. Daarna kun je het betaalbestand downloaden.',
	rate_limited: 'Je hebt vandaag al een paar winkels aangemeld. Probeer het morgen opnieuw.'
};

export const counterErrorMessage = (error: DbError | null | undefined) =>
	dbErrorMessage(error, ERRORS);
