// "Feiten & Cijfers" as a PDF (issue 21.3): the same sentences as the printable page, on A4, one
// area or all three. Drawn with pdfkit, which the cheque letters already use (no new dependency),
// in the PDF standard fonts, whose WinAnsi encoding covers Dutch text and the euro sign.
import PDFDocument from 'pdfkit';
import type { FactSection } from '../../monitor/facts';
import { pdfBytes } from '../pdf';

const MM = 72 / 25.4;

export interface FactsPdf {
	municipality: string;
	year: number;
	sections: readonly FactSection[];
}

export function factsPdfTitle(f: FactsPdf, area: FactSection | null = null) {
	return `Feiten & Cijfers ${f.year}${area ? `: ${area.title}` : ''} – gemeente ${f.municipality}`;
}

export function renderFactsPdf(f: FactsPdf, area: string | null = null): Promise<Buffer> {
	const sections = area ? f.sections.filter((s) => s.area === area) : f.sections;
	const doc = new PDFDocument({
		size: 'A4',
		margin: 20 * MM,
		lang: 'nl-NL',
		info: {
			Title: factsPdfTitle(f, area ? (sections[0] ?? null) : null),
			Author: `Gemeente ${f.municipality}`,
			Creator: 'Buurtkracht'
		},
		// Tagged, so a screen reader reads headings and list items in order.
		tagged: true,
		displayTitle: true,
		compress: true
	});
	const width = doc.page.width - 40 * MM;
	doc.font('Helvetica-Bold').fontSize(20).text(`Feiten & Cijfers ${f.year}`, { width });
	doc.moveDown(0.3);
	doc
		.font('Helvetica')
		.fontSize(10.5)
		.fillColor('#333333')
		.text(
			`Gemeente ${f.municipality}, sociaal domein. Berekend uit wat in Buurtkracht gebeurde in ${f.year}.`,
			{ width }
		);
	doc.fillColor('black');
	for (const section of sections) {
		doc.moveDown(1.2);
		doc.font('Helvetica-Bold').fontSize(14).text(section.title, { width });
		doc.moveDown(0.4);
		doc.font('Helvetica').fontSize(11.5);
		for (const sentence of section.sentences) {
			doc.text(`•  ${sentence}`, { width, indent: 0, paragraphGap: 5 });
		}
	}
	return pdfBytes(doc);
}
