// The beheer form that grants a role to a person, found by e-mail address.
import { z } from 'zod';
import { GRANTABLE_ROLES } from '#lib/roles';

export const grantRoleSchema = z
	.object({
		email: z
			.string({ error: 'Vul het e-mailadres in.' })
			.trim()
			.toLowerCase()
			.pipe(z.email('Vul een geldig e-mailadres in.')),
		role: z.enum(GRANTABLE_ROLES, { error: 'Kies een rol.' }),
		communityCentreId: z
			.union([z.uuid(), z.literal('')])
			.default('')
			.transform((v) => (v === '' ? null : v))
	})
	.refine((v) => v.role !== 'board_member' || v.communityCentreId !== null, {
		message: 'Kies het buurthuis voor een bestuurslid.',
		path: ['communityCentreId']
	});

export const revokeRoleSchema = z.object({ membershipId: z.uuid() });
