// The parts every "Mijn gegevens" section is made of: items of labelled fields, the register's why,
// ground and until-when, and the small formatters the area sections share (sections.ts puts them
// together; one file per area builds its sections).
import { formatDay, formatMomentDay } from '../../mantelzorg/display';
import type { RegisterEntry } from './my-data';

export interface Field {
	label: string;
	value: string;
}

export interface Item {
	title: string;
	fields: Field[];
	/** Where this item is corrected, when it can be. */
	correct?: { href: string; label: string };
}

export interface Section {
	id: string;
	title: string;
	/** From the register: why we keep it, the legal ground, until when. */
	why: string;
	basis: string;
	until: string;
	/** What to do to correct it (a link, or whom to ask). */
	correct: { href?: string; label: string } | null;
	items: Item[];
	/** Said when there are no items. */
	empty: string;
}

export const label = <T extends string>(
	labels: Record<T, string>,
	value: string | null | undefined
) => (value ? (labels[value as T] ?? value) : '–');
export const day = (value: string | null | undefined) => (value ? formatDay(value) : '–');
export const moment = (value: string | null | undefined) => (value ? formatMomentDay(value) : '–');
export const yesNo = (value: boolean | undefined) => (value ? 'ja' : 'nee');
export const field = (l: string, value: string | number | null | undefined): Field => ({
	label: l,
	value: value === null || value === undefined || value === '' ? '–' : String(value)
});

const BASIS: Record<string, string> = {
	consent: 'Toestemming: je hebt er zelf voor gekozen',
	contract: 'Een afspraak (overeenkomst) met de gemeente',
	legal_obligation: 'De wet verplicht ons',
	vital_interests: 'Om iemands leven of gezondheid te beschermen',
	public_task: 'Een taak van de gemeente',
	legitimate_interests: 'Een gerechtvaardigd belang'
};

function fromRegister(register: RegisterEntry[], code: string) {
	const entry = register.find((r) => r.code === code);
	return {
		why: entry?.purpose ?? '',
		basis: entry
			? [BASIS[entry.legalBasis] ?? entry.legalBasis, entry.legalBasisDetail]
					.filter(Boolean)
					.join('. ')
			: '',
		until: entry?.retention ?? ''
	};
}

export function section(
	register: RegisterEntry[],
	code: string,
	s: Omit<Section, 'why' | 'basis' | 'until'>
): Section {
	return { ...s, ...fromRegister(register, code) };
}

/** The activity's name for a log line, from the register. */
export const activityName = (register: RegisterEntry[], code: string) =>
	register.find((r) => r.code === code)?.name ?? code;
