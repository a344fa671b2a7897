// Mantelzorgwaardering's figures in the monitor (computed by public.monitor_mantelzorg).
import type { MonitorArea } from '../monitor/metric';

export const monitorArea: MonitorArea = {
	area: 'mantelzorg',
	title: 'Mantelzorgwaardering',
	metrics: {
		mz_budget_cents: {
			label: 'Budget',
			layer: 'money',
			unit: 'cents',
			additive: true,
			description: 'Het budget van de regeling(en) van de jaren in de periode.'
		},
		mz_budget_used_cents: {
			label: 'Budget gebruikt (toegekend)',
			layer: 'money',
			unit: 'cents',
			additive: true,
			description:
				'De waarde van alle toegekende cheques en Pluimen van die regeling(en), tot nu toe (een heruitgegeven cheque telt één keer).'
		},
		mz_issued_cents: {
			label: 'Toegekend',
			layer: 'money',
			unit: 'cents',
			additive: true,
			description: 'De waarde van de cheques en Pluimen die in de periode zijn toegekend.'
		},
		mz_redeemed_cents: {
			label: 'Verzilverd',
			layer: 'money',
			unit: 'cents',
			additive: true,
			description:
				'Het bedrag dat mantelzorgers in de periode bij winkels verzilverden (teruggedraaide verzilveringen niet).'
		},
		mz_redeemed_by_shop_cents: {
			label: 'Verzilverd per winkel',
			layer: 'money',
			unit: 'cents',
			additive: true,
			subject: 'shop',
			description: 'Het verzilverde bedrag per winkel.'
		},
		mz_paid_out_cents: {
			label: 'Uitbetaald aan winkels',
			layer: 'money',
			unit: 'cents',
			additive: true,
			description:
				'De verzilveringen in uitbetalingen waarvan het betaalbestand in de periode is gemaakt.'
		},
		mz_payout_batches: {
			label: 'Uitbetalingen',
			layer: 'money',
			unit: 'count',
			additive: true,
			description:
				'Het aantal uitbetalingen aan winkels waarvan het betaalbestand in de periode is gemaakt.'
		},
		mz_expired_cents: {
			label: 'Verlopen zonder gebruik',
			layer: 'money',
			unit: 'cents',
			additive: true,
			description: 'Wat er nog op cheques stond die in de periode zijn verlopen.'
		},
		mz_carers_reached: {
			label: 'Mantelzorgers bereikt',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description:
				'Mantelzorgers die in de periode hun eerste waardering van de regeling kregen (cheque of Pluim); in de wijk waar de mantelzorger woont.'
		},
		mz_young_carers_reached: {
			label: 'Jonge mantelzorgers bereikt (Pluim)',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Jonge mantelzorgers die in de periode een Pluim kregen.'
		},
		mz_redemptions: {
			label: 'Verzilveringen',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description:
				'Het aantal keer dat een cheque of Pluim in de periode bij een winkel is verzilverd (teruggedraaide niet).'
		},
		mz_shops_taking_part: {
			label: 'Winkels met verzilveringen',
			layer: 'numbers',
			unit: 'count',
			additive: false,
			description:
				'Winkels waar in de periode minstens één keer is verzilverd; in de wijk van de winkel.'
		},
		mz_shops_approved: {
			label: 'Goedgekeurde winkels (nu)',
			layer: 'numbers',
			unit: 'count',
			additive: true,
			description: 'Winkels die nu meedoen aan de mantelzorgwaardering.'
		},
		mz_appreciation_answers: {
			label: 'Voel je je gewaardeerd?',
			layer: 'outcomes',
			unit: 'count',
			additive: true,
			subject: 'answer',
			description:
				'Antwoorden van mantelzorgers op de vraag "Voel je je gewaardeerd?", gegeven in de periode.'
		}
	}
};
