// Buurthuizen's figures in the monitor (computed by public.monitor_buurthuizen).
import type { MonitorArea } from '../monitor/metric';

export const monitorArea: MonitorArea = {
	area: 'buurthuizen',
	title: 'Buurthuizen',
	metrics: {
		bz_occurrences_held: {
			label: 'Activiteiten gehouden',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description:
				'Data van activiteiten in de periode die voorbij zijn, niet overgeslagen en niet afgelast (een wekelijkse activiteit telt elke week).'
		},
		bz_occurrences_cancelled: {
			label: 'Activiteiten afgelast',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description:
				'Data in de periode die zijn overgeslagen, of die vielen na het afgelasten van de activiteit.'
		},
		bz_registrations: {
			label: 'Aanmeldingen',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Aanmeldingen voor data in de periode (afgemelde niet).'
		},
		bz_points: {
			label: 'Punten per buurthuis',
			layer: 'outcomes',
			unit: 'count',
			additive: true,
			subject: 'centre',
			description:
				'Punten voor gehouden activiteiten die een maatschappelijke opgave van de wijk dienen.'
		},
		bz_points_by_goal: {
			label: 'Punten per maatschappelijke opgave',
			layer: 'outcomes',
			unit: 'count',
			additive: true,
			subject: 'goal',
			description: 'Dezelfde punten, per maatschappelijke opgave.'
		}
	}
};
