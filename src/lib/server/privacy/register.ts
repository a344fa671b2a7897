// The processing register (verwerkingsregister, AVG art. 30) as the database holds it: read for
// /privacy (public) and exported for the privacy officer as CSV or JSON.
import { z } from 'zod';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { AREA_LABELS, LEGAL_BASIS_LABELS } from '../../privacy/labels';

const entry = z.object({
	code: z.string(),
	version: z.number().int(),
	area: z.string(),
	name: z.string(),
	purpose: z.string(),
	legalBasis: z.string(),
	legalBasisDetail: z.string(),
	dataCategories: z.array(z.string()),
	specialCategories: z.string(),
	dataSubjects: z.array(z.string()),
	recipients: z.array(z.string()),
	retention: z.string(),
	retentionMonths: z.number().int().nullable(),
	updatedAt: z.string()
});
export type ProcessingActivity = z.infer<typeof entry>;

const COLUMNS =
	'code, version, area, name, purpose, legal_basis, legal_basis_detail, data_categories, special_categories, data_subjects, recipients, retention, retention_months, updated_at';

export async function loadRegister(supabase: RequestClient): Promise<ProcessingActivity[]> {
	const { data, error } = await supabase
		.from('processing_activities')
		.select(COLUMNS)
		.order('sort_order')
		.order('code');
	if (error) throw new Error(`processing_activities: ${error.message}`);
	return fromRow(z.array(entry)).parse(data);
}

const csvCell = (value: string | number | null) => {
	const text = value === null ? '' : String(value);
	// Formula characters at the start would run in a spreadsheet; a quote in front defuses them.
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return `"${safe.replaceAll('"', '""')}"`;
};

/** The register as CSV (semicolons, as Dutch spreadsheets expect; UTF-8 with BOM). */
export function registerCsv(entries: ProcessingActivity[]): string {
	const header = [
		'code',
		'versie',
		'onderdeel',
		'naam',
		'doel',
		'grondslag',
		'toelichting grondslag',
		'categorieën gegevens',
		'bijzondere gegevens',
		'betrokkenen',
		'ontvangers',
		'bewaartermijn',
		'bewaartermijn (maanden)',
		'laatst gewijzigd'
	];
	const rows = entries.map((e) =>
		[
			e.code,
			e.version,
			AREA_LABELS[e.area] ?? e.area,
			e.name,
			e.purpose,
			LEGAL_BASIS_LABELS[e.legalBasis] ?? e.legalBasis,
			e.legalBasisDetail,
			e.dataCategories.join('; '),
			e.specialCategories,
			e.dataSubjects.join('; '),
			e.recipients.join('; '),
			e.retention,
			e.retentionMonths,
			e.updatedAt
		]
			.map(csvCell)
			.join(';')
	);
	return `\ufeff${[header.map(csvCell).join(';'), ...rows].join('\r\n')}\r\n`;
}
