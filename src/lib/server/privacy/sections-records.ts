// The sections about what the platform itself keeps: the mails we sent, who looked at your data
// (the processing log), when you looked yourself, and the counts of your work as staff.
import { roleLabel } from '../../roles';
import type { MyData, RegisterEntry } from './my-data';
import { activityName, field, moment, section, type Section } from './section-kit';

/** The counts under "Je werk als medewerker", in words; an unknown key is shown as it is. */
const STAFF_LABELS: Record<string, string> = {
	processing_log: 'Keren dat je gegevens van iemand anders bekeek of veranderde',
	applications_entered: 'Aanvragen die je voor een mantelzorger invoerde',
	applications_decided: 'Aanvragen waarover je besliste',
	questions_asked: 'Vragen die je stelde bij een aanvraag',
	callback_checks: 'Controles door terug te bellen',
	cheques_blocked: 'Cheques die je blokkeerde',
	shops_decided: 'Winkels waarover je besliste',
	redemptions: 'Cheques die je in een winkel aannam',
	redemptions_undone: 'Aangenomen cheques die je terugdraaide',
	invitations_sent: 'Uitnodigingen die je stuurde',
	moderation_actions: 'Keren dat je iets verborg of iemand blokkeerde',
	reports_handled: 'Meldingen die je afhandelde',
	points_periods_closed: 'Puntenperiodes die je afsloot',
	role_invitations_sent: 'Uitnodigingen voor een rol die je stuurde',
	security_txt_renewed: 'Keren dat je security.txt vernieuwde',
	district_imports_staged: 'Wijkindelingen die je uploadde'
};
const staffField = (key: string, n: number) => field(STAFF_LABELS[key] ?? key, n);

export const OPERATION_LABELS = { read: 'bekeken', change: 'veranderd' } as const;

const MAIL_LABELS: Record<string, string> = {
	account_exists: 'Je hebt al een account',
	response_received: 'Iemand wil je helpen',
	response_accepted: 'Je hulp is aangenomen',
	message_received: 'Nieuw bericht',
	invitation: 'Uitnodiging voor een hulpvraag',
	followup: 'Hoe ging het?',
	escalation: 'Een hulpafspraak heeft aandacht nodig',
	thanks_received: 'Bedankje',
	content_hidden: 'Iets van jou is verborgen',
	application_received: 'Aanvraag ontvangen',
	application_decided: 'Besluit over je aanvraag',
	application_question: 'Vraag over je aanvraag',
	cheque_expiry_reminder: 'Herinnering: cheque verloopt',
	shop_approved: 'Winkel goedgekeurd',
	shop_suspended: 'Winkel gestopt',
	shop_code_lockout: 'Codes geblokkeerd bij een winkel',
	shop_staff_invited: 'Uitnodiging om cheques aan te nemen bij een winkel',
	activity_cancelled: 'Activiteit gaat niet door',
	activity_moved: 'Activiteit op een andere datum of tijd'
};

const KIND_LABELS: Record<string, string> = {
	page: 'bekeken op de website',
	json: 'gedownload (JSON)',
	pdf: 'gedownload (PDF)'
};

/** The mails we sent. */
export function mailsSection(register: RegisterEntry[], { platform }: MyData['data']): Section {
	return section(register, 'platform.notifications', {
		id: 'mails',
		title: 'E-mails die we je stuurden',
		correct: null,
		empty: 'We hebben je nog geen e-mails gestuurd.',
		items: platform.mails.map((m) => ({
			title: MAIL_LABELS[m.kind] ?? m.kind,
			fields: [
				field('Gemaakt op', moment(m.createdAt)),
				field('Verstuurd', m.failedAt ? 'niet gelukt' : m.sentAt ? moment(m.sentAt) : 'nog niet')
			]
		}))
	});
}

/** "Wie heeft mijn gegevens bekeken": the processing log about the person. */
export function processingLogSection(
	register: RegisterEntry[],
	{ platform }: MyData['data']
): Section {
	return section(register, 'platform.processing_log', {
		id: 'wie-bekeek',
		title: 'Wie heeft mijn gegevens bekeken',
		correct: null,
		empty: 'Geen medewerker heeft je gegevens bekeken of veranderd.',
		items: platform.processingLog.map((l) => ({
			title: `${moment(l.createdAt)}: ${activityName(register, l.activity)}`,
			fields: [
				field('Wat', `Je gegevens zijn ${OPERATION_LABELS[l.operation]}`),
				field(
					'Door',
					`${l.actorRole ? roleLabel(l.actorRole) : 'Medewerker'} (${l.actorOrganisation})`
				)
			]
		}))
	});
}

/** When the person looked at or downloaded their data. */
export function dataRequestsSection(
	register: RegisterEntry[],
	{ platform }: MyData['data']
): Section {
	return section(register, 'platform.privacy_rights', {
		id: 'verzoeken',
		title: 'Wanneer je je gegevens bekeek of downloadde',
		correct: null,
		empty: 'Nog nooit.',
		items: platform.dataRequests.map((r) => ({
			title: `${moment(r.createdAt)}: ${KIND_LABELS[r.kind] ?? r.kind}`,
			fields: []
		}))
	});
}

/** Counts of what the person did as staff (never the data itself: that is about others); null when none. */
export function staffWorkSection(
	register: RegisterEntry[],
	{ platform, mantelzorg, buurthulp, buurthuizen }: MyData['data']
): Section | null {
	const staffCounts = [
		...platform.staffActions.map((a) => field(a.action, a.count)),
		...Object.entries(mantelzorg.staffWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...Object.entries(buurthulp.coordinatorWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...(platform.staffLogLines > 0 ? [staffField('processing_log', platform.staffLogLines)] : []),
		...Object.entries(platform.staffWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...Object.entries(buurthuizen.staffWork)
			.filter(([, n]) => n > 0)
			.map(([k, n]) => staffField(k, n)),
		...(platform.platformOperator ? [field('Platformbeheerder', 'ja')] : []),
		...(mantelzorg.caseworkerDistricts.length
			? [field('Wijken als consulent', mantelzorg.caseworkerDistricts.join(', '))]
			: [])
	];
	if (staffCounts.length === 0) return null;
	return section(register, 'platform.audit', {
		id: 'werk',
		title: 'Je werk als medewerker',
		correct: null,
		empty: '',
		items: [
			{
				title: 'Wat je als medewerker deed (alleen aantallen: de gegevens zelf gaan over anderen)',
				fields: staffCounts
			}
		]
	});
}
