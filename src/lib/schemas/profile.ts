// My profile: the public part (name, wijk) and the private contact details.
import { z } from 'zod';
import { withoutBidiControls } from './text';

const optionalText = (max: number, message: string) =>
	z
		.string()
		.trim()
		.max(max, message)
		.transform((v) => (v === '' ? null : v))
		.nullable()
		.default(null);

export const profileSchema = z.object({
	displayName: z
		.string({ error: 'Vul je naam in.' })
		.overwrite(withoutBidiControls)
		.trim()
		.min(1, 'Vul je naam in.')
		.max(80, 'Gebruik hoogstens 80 tekens voor je naam.'),
	districtId: z
		.union([z.uuid('Kies een wijk uit de lijst.'), z.literal('')])
		.default('')
		.transform((v) => (v === '' ? null : v)),
	phone: optionalText(20, 'Een telefoonnummer heeft hoogstens 20 tekens.').refine(
		(v) => v === null || /^\+?[0-9 ()-]{6,20}$/.test(v),
		'Vul een telefoonnummer in met alleen cijfers, zoals 075 123 4567.'
	),
	streetAddress: optionalText(120, 'Gebruik hoogstens 120 tekens voor je adres.'),
	postcode: optionalText(7, 'Vul een postcode in zoals 1506 AB.')
		.transform((v) =>
			v === null ? null : v.toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2')
		)
		.refine(
			(v) => v === null || /^[1-9][0-9]{3} [A-Z]{2}$/.test(v),
			'Vul een postcode in zoals 1506 AB.'
		),
	city: optionalText(80, 'Gebruik hoogstens 80 tekens voor de plaats.')
});

export type ProfileForm = z.infer<typeof profileSchema>;
