// The PDF plumbing of the printed letters (pdfkit): an A4 document with our margins and a QR code
// drawn as vectors (the bytes come from ../pdf.ts).
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 57; // 2 cm
export const TEXT_WIDTH = A4[0] - 2 * MARGIN;

/** The QR code drawn as vector squares: sharp at any printer resolution and a few hundred bytes. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const quiet = 2;
	const cell = size / (modules.size + 2 * quiet);
	for (let row = 0; row < modules.size; row++) {
		for (let col = 0; col < modules.size; col++) {
			if (modules.get(row, col)) {
				doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.05, cell + 0.05);
			}
		}
	}
	doc.fillColor('black').fill();
}

export function newDocument(title: string) {
	return new PDFDocument({
		size: A4,
		margin: MARGIN,
		lang: 'nl-NL',
		info: { Title: title, Author: 'Buurtkracht' },
		// Compressed content streams keep a 1,000-letter print queue small.
		compress: true
	});
}
