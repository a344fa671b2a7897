// Buurthulp's figures in the monitor (computed by public.monitor_buurthulp and monitor_buurthulp_state).
import type { MonitorArea } from '../monitor/metric';

export const monitorArea: MonitorArea = {
	area: 'buurthulp',
	title: 'Buurthulp',
	metrics: {
		bh_requests_posted: {
			label: 'Hulpvragen geplaatst',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description:
				'Hulpvragen die in de periode zijn geplaatst (verborgen berichten niet); in de wijk van de hulpvraag.'
		},
		bh_requests_matched: {
			label: 'Hulpvragen met een match',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Hulpvragen waarbij in de periode een vrijwilliger is gekozen.'
		},
		bh_requests_done: {
			label: 'Hulpvragen afgerond',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Hulpvragen die in de periode als gedaan zijn afgesloten.'
		},
		bh_requests_cancelled: {
			label: 'Hulpvragen ingetrokken',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Hulpvragen die in de periode zijn ingetrokken.'
		},
		bh_requests_expired: {
			label: 'Hulpvragen verlopen',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Hulpvragen waarvan de laatste datum in de periode voorbijging zonder match.'
		},
		bh_requests_unanswered_7d: {
			label: 'Na 7 dagen nog geen reactie',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Hulpvragen uit de periode waarop binnen 7 dagen geen vrijwilliger reageerde.'
		},
		bh_hours_to_match: {
			label: 'Tijd tot een match (mediaan, uren)',
			layer: 'numbers',
			unit: 'hours',
			additive: false,
			description:
				'De mediaan van de tijd tussen het plaatsen van een hulpvraag en de match, voor matches in de periode.'
		},
		bh_active_volunteers: {
			label: 'Actieve vrijwilligers',
			layer: 'numbers',
			unit: 'count',
			additive: false,
			description:
				'Vrijwilligers die in de periode op minstens één hulpvraag reageerden; in hun eigen wijk.'
		},
		bh_verified_volunteers: {
			label: 'Gecontroleerde vrijwilligers',
			layer: 'numbers',
			unit: 'count',
			additive: false,
			description:
				'Vrijwilligers met een geldige controle (kennismaking en VOG) op de laatste dag van de periode, of vandaag als die nog niet voorbij is; in hun eigen wijk.'
		},
		bh_requests_via_coordinator: {
			label: 'Hulpvragen via de buurtcoördinator',
			layer: 'outcomes',
			unit: 'count',
			additive: true,
			description:
				'Hulpvragen die een buurtcoördinator plaatste voor iemand zonder (eigen) account, vaak iemand zonder internet.'
		},
		bh_followups_answered: {
			label: '"Hoe ging het?" beantwoord',
			layer: 'outcomes',
			unit: 'count',
			additive: true,
			description:
				'Antwoorden op de vraag "Hoe ging het?" na de hulp, van hulpvragers en vrijwilligers.'
		},
		bh_followups_good: {
			label: '"Hoe ging het?": goed',
			layer: 'outcomes',
			unit: 'count',
			additive: true,
			description: 'Antwoorden "goed" op de vraag "Hoe ging het?".'
		},
		bh_followup_answers: {
			label: '"Hoe ging het?" per antwoord',
			layer: 'outcomes',
			unit: 'count',
			additive: true,
			subject: 'answer',
			description:
				'De antwoorden op "Hoe ging het?", per kant (hulpvrager, vrijwilliger) en antwoord.'
		}
	}
};
