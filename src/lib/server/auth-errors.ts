// Dutch messages for the auth server's errors (GoTrue error codes, with the message as fallback
// because the embedded Supabase does not always send a code).
const WRONG = 'Het e-mailadres of het wachtwoord klopt niet.';
const UNCONFIRMED =
	'Je hebt je e-mailadres nog niet bevestigd. Klik op de link in de e-mail die we je stuurden.';
const EXISTS = 'Er is al een account met dit e-mailadres. Log in of vraag een nieuw wachtwoord.';
const WEAK = 'Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord.';
const EXPIRED = 'Deze link of code is verlopen of al gebruikt. Vraag een nieuwe aan.';
const TOO_MANY = 'Te veel pogingen. Wacht een paar minuten en probeer het opnieuw.';

const BY_CODE: Record<string, string> = {
	invalid_credentials: WRONG,
	user_not_found: WRONG,
	email_not_confirmed: UNCONFIRMED,
	user_already_exists: EXISTS,
	email_exists: EXISTS,
	weak_password: WEAK,
	same_password: 'Kies een ander wachtwoord dan je huidige.',
	otp_expired: EXPIRED,
	over_email_send_rate_limit:
		'Je hebt net al een e-mail gekregen. Wacht een minuut en probeer het opnieuw.',
	over_request_rate_limit: TOO_MANY,
	signup_disabled: 'Een account maken kan op dit moment niet.'
};

const BY_MESSAGE: [RegExp, string][] = [
	[/invalid login credentials/i, WRONG],
	[/email not confirmed/i, UNCONFIRMED],
	[/already (been )?registered|already exists/i, EXISTS],
	[/expired|invalid.*(otp|token)|token.*(invalid|not found)/i, EXPIRED],
	[/rate limit|too many/i, TOO_MANY],
	[/password/i, WEAK]
];

/** A code typed from a mail: the auth server cannot tell a wrong code from an expired one. */
export const WRONG_CODE =
	'Deze code klopt niet of is verlopen. Controleer de code, of vraag een nieuwe e-mail aan.';

/** Like authErrorMessage, for a typed code: says the code is wrong or expired, not "the link". */
export function codeErrorMessage(error: { message: string; code?: string } | null): string {
	const text = authErrorMessage(error);
	return text === EXPIRED ? WRONG_CODE : text;
}

export function authErrorMessage(error: { message: string; code?: string } | null): string {
	if (!error) return '';
	const byCode = error.code ? BY_CODE[error.code] : undefined;
	if (byCode) return byCode;
	const hit = BY_MESSAGE.find(([pattern]) => pattern.test(error.message));
	return hit ? hit[1] : 'Er ging iets mis. Probeer het over een paar minuten opnieuw.';
}
