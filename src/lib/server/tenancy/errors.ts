// Dutch sentences for the refusals of the tenancy functions (platform and setup pages).
import { dbErrorMessage, type DbError } from '../db-errors';

const TENANCY: Record<string, string> = {
	slug_taken: 'Er is al een gemeente met deze korte naam. Kies een andere.',
	invalid_slug: 'Gebruik 2 tot 40 kleine letters, cijfers of streepjes als korte naam.',
	name_required: 'Vul de naam van de gemeente in.',
	host_taken: 'Een van de webadressen hoort al bij een andere gemeente.',
	invalid_host:
		'Een van de webadressen klopt niet. Schrijf alleen de naam, zoals zwolle.buurtkracht.nl.',
	hosts_required: 'Vul minstens één webadres in.',
	invalid_iban: 'Dit IBAN klopt niet. Controleer het rekeningnummer.',
	account_holder_required: 'Vul de naam van de rekeninghouder in.',
	invalid_phone: 'Vul een geldig telefoonnummer in, of laat het leeg.',
	municipality_not_found: 'Deze gemeente bestaat niet (meer).',
	invalid_email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
	invalid_role: 'Kies een rol, en voor een bestuurslid ook het buurthuis.',
	community_centre_not_found: 'Kies een buurthuis van deze gemeente.',
	invitation_not_found: 'Deze uitnodiging bestaat niet (meer), of is voor een ander e-mailadres.',
	invitation_expired: 'Deze uitnodiging is verlopen. Vraag om een nieuwe uitnodiging.',
	invitation_other_municipality:
		'Deze uitnodiging is voor een andere gemeente. Log in met een account van die gemeente.',
	invalid_color: 'Vul elke kleur in als #rrggbb, bijvoorbeeld #00548a.',
	contrast_too_low:
		'Deze kleuren hebben te weinig contrast. Kies een donkerder hoofdkleur of een lichtere achtergrond.',
	invalid_logo:
		'Het logo moet een PNG-, JPEG- of WebP-afbeelding van hoogstens 200 KB zijn, met een beschrijving.',
	scope_not_in_municipality: 'Dit buurthuis of deze winkel hoort niet bij deze gemeente.',
	rate_limited: 'Je hebt vandaag al veel uitnodigingen verstuurd. Probeer het morgen opnieuw.'
};

export const tenancyErrorMessage = (error: DbError | null | undefined) =>
	dbErrorMessage(error, TENANCY);
