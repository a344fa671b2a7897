// How Mantelzorgwaardering's stored values read on screen, in Dutch (B1).
import type {
	ApplicationStatus,
	CallbackOutcome,
	CareRelation,
	ChequeKind,
	ChequeStatus,
	ReimbursementSchedule,
	SignalFlag
} from './enums';
import { CARE_RELATIONS } from './enums';

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
	submitted: 'Ingediend',
	question_asked: 'Wacht op antwoord op een vraag',
	approved: 'Goedgekeurd',
	rejected: 'Afgewezen'
};

export const CARE_RELATION_LABELS: Record<CareRelation, string> = {
	partner: 'Partner',
	parent: 'Ouder',
	child: 'Kind',
	other_family: 'Ander familielid',
	friend_or_neighbour: 'Vriend, vriendin of buur',
	other: 'Anders'
};

/** Every relation as an option of a select, in the stored order. */
export const CARE_RELATION_OPTIONS = CARE_RELATIONS.map((r) => ({
	value: r,
	label: CARE_RELATION_LABELS[r]
}));

export const CHEQUE_KIND_LABELS: Record<ChequeKind, string> = {
	cheque: 'Mantelzorgcheque',
	pluim: 'Pluim'
};

export const CHEQUE_STATUS_LABELS: Record<ChequeStatus, string> = {
	active: 'Geldig',
	blocked: 'Geblokkeerd'
};

export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, string> = {
	confirmed: 'Klopt',
	doubtful: 'Twijfel, nader onderzoeken',
	not_reached: 'Niet bereikt'
};

export const REIMBURSEMENT_SCHEDULE_LABELS: Record<ReimbursementSchedule, string> = {
	monthly: 'Elke maand',
	quarterly: 'Elk kwartaal'
};

/** The queue's fraud signals, said without accusing anyone: a reason to look closer. */
export const SIGNAL_FLAG_LABELS: Record<SignalFlag, string> = {
	same_carer: 'Deze mantelzorger (zelfde naam, geboortedatum en adres) heeft al eerder aangevraagd',
	many_carers_for_recipient: 'Voor deze zorgvrager vragen drie of meer mantelzorgers aan',
	many_from_address: 'Vanaf dit adres komen vier of meer aanvragen'
};

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** Integer cents as euros: 5000 → "€ 50,00". */
export const formatCents = (cents: number) => euro.format(cents / 100);
