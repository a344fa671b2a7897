// The printed A4 letters of Mantelzorgwaardering (pdfkit): the cheque or Pluim letter for a carer
// without e-mail or phone, the reminder before expiry, and one PDF with every pending letter for
// the print queue. Each letter is exactly two pages (letter, shop list), so a duplex print of the
// queue never puts one carer's shops on the back of another carer's letter.
import { formatCents, formatDay, groupCode } from '../../mantelzorg/display.ts';
import { pdfBytes } from '../pdf.ts';
import { MARGIN, TEXT_WIDTH, drawQr, newDocument } from './letter-pdf.ts';
import { drawShopPage, type LetterShop } from './letter-shops.ts';

export type { LetterShop } from './letter-shops.ts';

export interface ChequeLetter {
	kind: 'cheque' | 'pluim';
	/** 'issued' with the approval; 'reminder' before the cheque expires. */
	purpose: 'issued' | 'reminder';
	/** The normalised code; the QR code holds exactly this text. */
	code: string;
	valueCents: number;
	/** What is left on it; the reminder names it. Defaults to the value. */
	remainingCents?: number;
	expiresOn: string;
	holderFirstName: string;
	/** The envelope window: full name, then the address lines. */
	addressLines: string[];
	/** The carer's wijk: its shops come first in the list. */
	district?: string | null;
	year: number;
	municipalityName: string;
	/** The day on the letter; defaults to today. */
	letterDate?: string;
}

export interface LetterOptions {
	/** Where the whole shop list is, named when it does not fit on the page. */
	shopListUrl: string;
}

const today = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** What the letter calls the thing: "cheque" or "Pluim". */
const thing = (letter: ChequeLetter) => (letter.kind === 'pluim' ? 'Pluim' : 'cheque');

function subject(letter: ChequeLetter) {
	return letter.purpose === 'reminder'
		? `Herinnering: je ${thing(letter)} is geldig tot en met ${formatDay(letter.expiresOn)}`
		: `Je ${letter.kind === 'pluim' ? 'Pluim' : 'mantelzorgwaardering'} ${letter.year}`;
}

function opening(letter: ChequeLetter): string[] {
	const value = formatCents(letter.valueCents);
	const until = formatDay(letter.expiresOn);
	if (letter.purpose === 'reminder') {
		const left = formatCents(letter.remainingCents ?? letter.valueCents);
		return [
			`Op je ${thing(letter)} staat nog ${left}. Je kunt dit bedrag besteden tot en met ${until}. Daarna kun je de ${thing(letter)} niet meer gebruiken.`,
			'Je code staat hieronder. Neem deze brief mee naar de winkel.'
		];
	}
	if (letter.kind === 'pluim') {
		return [
			'Je zorgt voor iemand in je omgeving, terwijl je zelf nog jong bent. Dat is heel bijzonder. Daarom krijg je van de gemeente een Pluim.',
			`De Pluim is ${value} waard. Je kunt hem besteden bij een winkel die meedoet, tot en met ${until}.`
		];
	}
	return [
		'Je zorgt voor iemand in je omgeving. Daarvoor willen we je bedanken. Daarom krijg je van de gemeente een cheque.',
		`De cheque is ${value} waard. Je kunt hem besteden bij een winkel die meedoet, tot en met ${until}.`
	];
}

function drawCodeBox(doc: PDFKit.PDFDocument, letter: ChequeLetter) {
	const top = doc.y + 6;
	const height = 150;
	doc.lineWidth(1.5).strokeColor('#333333').rect(MARGIN, top, TEXT_WIDTH, height).stroke();
	doc.font('Helvetica').fontSize(11).fillColor('black');
	doc.text('Je code', MARGIN + 16, top + 16);
	doc
		.font('Courier-Bold')
		.fontSize(22)
		.text(groupCode(letter.code), MARGIN + 16, top + 34);
	doc.font('Helvetica').fontSize(12);
	const left = letter.remainingCents ?? letter.valueCents;
	doc.text(`Waarde: ${formatCents(letter.valueCents)}`, MARGIN + 16, top + 76);
	if (letter.purpose === 'reminder') doc.text(`Nog te besteden: ${formatCents(left)}`);
	doc.text(`Geldig tot en met: ${formatDay(letter.expiresOn)}`);
	drawQr(doc, letter.code, MARGIN + TEXT_WIDTH - height + 6, top + 6, height - 12);
	doc.x = MARGIN;
	doc.y = top + height + 18;
}

function drawLetterPage(doc: PDFKit.PDFDocument, letter: ChequeLetter) {
	doc.font('Helvetica-Bold').fontSize(16).fillColor('black');
	doc.text(`Gemeente ${letter.municipalityName}`, MARGIN, MARGIN);
	doc.font('Helvetica').fontSize(10).text(`Mantelzorgwaardering ${letter.year}`);
	// The envelope window (a standard Dutch window envelope, left).
	doc.fontSize(11).text(letter.addressLines.join('\n'), MARGIN + 14, 142, { width: 260 });
	doc.text(`${letter.municipalityName}, ${formatDay(letter.letterDate ?? today())}`, MARGIN, 250);
	doc.moveDown(1.2);
	doc.font('Helvetica-Bold').fontSize(13).text(subject(letter));
	doc.moveDown(0.8);
	doc.font('Helvetica').fontSize(11).text(`Beste ${letter.holderFirstName},`);
	doc.moveDown(0.6);
	for (const paragraph of opening(letter)) {
		doc.text(paragraph, { width: TEXT_WIDTH });
		doc.moveDown(0.5);
	}
	drawCodeBox(doc, letter);
	doc.font('Helvetica-Bold').fontSize(11).text('Zo gebruik je de code');
	doc.font('Helvetica').fontSize(11);
	doc.list(
		[
			'Neem deze brief mee naar een winkel die meedoet. Op de achterkant staan winkels bij jou in de buurt.',
			'De medewerker scant de QR-code of typt de code over.',
			'Je hoeft niet alles in een keer te besteden. Wat overblijft, kun je later nog gebruiken.'
		],
		{ width: TEXT_WIDTH - 20, bulletRadius: 2, textIndent: 14, paragraphGap: 3 }
	);
	doc.moveDown(0.6);
	doc.text(
		'Bewaar deze brief goed, want met de code kan iemand anders de cheque ook gebruiken. Ben je de brief kwijt? Neem dan contact op met het sociaal wijkteam. Zij zetten de oude code stop en je krijgt een nieuwe.',
		MARGIN,
		doc.y,
		{ width: TEXT_WIDTH }
	);
	doc.moveDown(0.8);
	doc.text(`Met vriendelijke groet,\nHet sociaal wijkteam, gemeente ${letter.municipalityName}`);
}

function drawLetter(
	doc: PDFKit.PDFDocument,
	letter: ChequeLetter,
	shops: readonly LetterShop[],
	options: LetterOptions,
	first: boolean
) {
	if (!first) doc.addPage();
	drawLetterPage(doc, letter);
	doc.addPage();
	drawShopPage(doc, shops, {
		district: letter.district,
		thing: thing(letter),
		shopListUrl: options.shopListUrl
	});
}

/** One letter (two pages) as a PDF. */
export function renderLetter(
	letter: ChequeLetter,
	shops: readonly LetterShop[],
	options: LetterOptions
): Promise<Buffer> {
	const doc = newDocument(subject(letter));
	drawLetter(doc, letter, shops, options, true);
	return pdfBytes(doc);
}

/** Every pending letter in one PDF, in the given order; two pages per letter. */
export function renderLetterBatch(
	letters: readonly ChequeLetter[],
	shops: readonly LetterShop[],
	options: LetterOptions
): Promise<Buffer> {
	const doc = newDocument(`Brieven mantelzorgwaardering (${letters.length})`);
	if (letters.length === 0) {
		doc.font('Helvetica').fontSize(12).text('Er zijn geen brieven om te printen.');
	}
	letters.forEach((letter, index) => drawLetter(doc, letter, shops, options, index === 0));
	return pdfBytes(doc);
}
