// A finished pdfkit document as bytes (the cheque letters, the monitor's Feiten & Cijfers).

/** Ends the document and gathers what it wrote. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.end();
	});
}
