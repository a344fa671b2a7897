// "Mijn gegevens" as a readable A4 PDF (pdfkit): a title page line, then every section with why,
// the legal ground and until when, and all its items. Plain text in the standard Helvetica, so
// nothing is embedded and the file stays small.
import PDFDocument from 'pdfkit';
import { formatMomentDay } from '../../mantelzorg/display';
import type { Section } from './sections';

const MARGIN = 57;

export const downloadName = (ext: 'json' | 'pdf') => {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
	return `mijn-gegevens-buurtkracht-${day}.${ext}`;
};

export function renderMyDataPdf(
	sections: Section[],
	meta: { name: string; generatedAt: string }
): Promise<Buffer> {
	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		info: { Title: 'Mijn gegevens bij Buurtkracht', Author: 'Buurtkracht' },
		lang: 'nl-NL',
		displayTitle: true
	} as PDFKit.PDFDocumentOptions);
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve) =>
		doc.on('end', () => resolve(Buffer.concat(chunks)))
	);

	doc.font('Helvetica-Bold').fontSize(20).text('Mijn gegevens bij Buurtkracht');
	doc.moveDown(0.5);
	doc
		.font('Helvetica')
		.fontSize(11)
		.text(
			`${meta.name ? `Voor ${meta.name}, ` : ''}gemaakt op ${formatMomentDay(meta.generatedAt)}.`
		)
		.moveDown(0.5)
		.text(
			'Hierin staat alles wat Buurtkracht over jou bewaart. Per onderdeel staat waarom we het bewaren en hoe lang.'
		);

	for (const section of sections) {
		doc.moveDown(1.2);
		doc.font('Helvetica-Bold').fontSize(15).text(section.title);
		doc.moveDown(0.3);
		doc.font('Helvetica').fontSize(10);
		doc.text(`Waarom: ${section.why}`);
		if (section.basis) doc.text(`Grond: ${section.basis}`);
		doc.text(`Hoe lang: ${section.until}`);
		if (section.correct) doc.text(`Verbeteren: ${section.correct.label}`);
		doc.moveDown(0.4).fontSize(11);
		if (section.items.length === 0) doc.text(section.empty);
		for (const item of section.items) {
			doc.moveDown(0.4);
			doc.font('Helvetica-Bold').text(item.title);
			doc.font('Helvetica');
			for (const f of item.fields) doc.text(`${f.label}: ${f.value}`, { indent: 12 });
		}
	}
	doc.end();
	return done;
}
