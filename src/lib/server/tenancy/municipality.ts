// The municipality a request is for, as the hook resolves it from the host name
// (municipality_for_host) and every load, action, mail and file uses it.
import { z } from 'zod';
import { fromRow } from '../rows';

export const municipalityRow = fromRow(
	z.object({
		id: z.uuid(),
		slug: z.string(),
		name: z.string(),
		coordinatorPhone: z.string().nullable(),
		mailSenderName: z.string(),
		isDemo: z.boolean(),
		primaryHost: z.string().nullable(),
		updatedAt: z.string(),
		lookVersion: z.number().int().nullable().default(null),
		hasLogo: z.boolean().default(false)
	})
);

export type Municipality = z.infer<typeof municipalityRow>;

/** What pages may show of it (the root layout's data). */
export const publicMunicipality = (m: Municipality) => ({
	id: m.id,
	slug: m.slug,
	name: m.name,
	isDemo: m.isDemo,
	coordinatorPhone: m.coordinatorPhone,
	/** The look's stylesheet (/gemeente/stijl.css) when the municipality has set one. */
	lookVersion: m.lookVersion,
	hasLogo: m.hasLogo
});

export type PublicMunicipality = ReturnType<typeof publicMunicipality>;
