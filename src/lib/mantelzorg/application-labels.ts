// Dutch words for Mantelzorgwaardering's closed value lists (applications and cheques).
import type { Database } from '#lib/database.types';

type Enums = Database['public']['Enums'];

export const RELATION_LABELS: Record<Enums['care_relation'], string> = {
	partner: 'Mijn partner',
	parent: 'Mijn vader of moeder',
	child: 'Mijn kind',
	other_family: 'Iemand anders uit mijn familie',
	friend_or_neighbour: 'Een vriend, vriendin of buur',
	other: 'Iemand anders'
};

export const STATUS_LABELS: Record<Enums['application_status'], string> = {
	submitted: 'Ingediend, wacht op beoordeling',
	question_asked: 'Er is een vraag aan de mantelzorger',
	approved: 'Goedgekeurd',
	rejected: 'Afgewezen'
};

/** The queue's fraud signals (signal_flags in SQL). */
export const FLAG_LABELS: Record<string, string> = {
	same_carer: 'Lijkt op een eerdere aanvraag van dezelfde persoon',
	many_carers_for_recipient: 'Veel mantelzorgers voor dezelfde zorgvrager',
	many_from_address: 'Veel aanvragen van hetzelfde adres'
};

export const OUTCOME_LABELS: Record<Enums['callback_outcome'], string> = {
	confirmed: 'Klopt',
	doubtful: 'Twijfel, nader onderzoeken',
	not_reached: 'Niet bereikt'
};
