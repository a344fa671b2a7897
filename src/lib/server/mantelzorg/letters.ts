// The printed A4 letters of Mantelzorgwaardering (pdfkit): the cheque or Pluim letter for a carer
// without e-mail or phone, the reminder before expiry, and one PDF with every pending letter for
// the print queue. Each letter is exactly two pages (letter, shop list), so a duplex print of the
// queue never puts one carer's shops on the back of another carer's letter.
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatCents, formatDay, groupCode } from '../../mantelzorg/display.ts';

export interface LetterShop {
	name: string;
	address: string;
	district?: string | null;
	category?: string | null;
}

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

export interface CarerAddress {
	firstName: string;
	lastName: string;
	postcode: string;
	houseNumber: string;
	street: string | null;
	town: string | null;
}

/** "1506AB" → "1506 AB". */
export const formatPostcode = (postcode: string) =>
	postcode.length === 6 ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode;

/**
 * The Dutch address block in the envelope window: name; street and house number; postcode, two
 * spaces and the town in capitals (as PostNL asks). An application from before street and town
 * were asked prints postcode and house number, with the municipality's name as the town.
 */
export function addressBlock(a: CarerAddress, municipalityName: string): string[] {
	const name = `${a.firstName} ${a.lastName}`.trim();
	if (a.street && a.town) {
		return [
			name,
			`${a.street} ${a.houseNumber}`,
			`${formatPostcode(a.postcode)}  ${a.town.toLocaleUpperCase('nl-NL')}`
		];
	}
	return [
		name,
		`${formatPostcode(a.postcode)} ${a.houseNumber}`,
		municipalityName.toLocaleUpperCase('nl-NL')
	];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 57; // 2 cm
const TEXT_WIDTH = A4[0] - 2 * MARGIN;
const SHOPS_PER_COLUMN = 26;

const today = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

/** The QR code drawn as vector squares: sharp at any printer resolution and a few hundred bytes. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
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

function subject(letter: ChequeLetter) {
	const thing = letter.kind === 'pluim' ? 'Pluim' : 'cheque';
	return letter.purpose === 'reminder'
		? `Herinnering: je ${thing} is geldig tot en met ${formatDay(letter.expiresOn)}`
		: `Je ${letter.kind === 'pluim' ? 'Pluim' : 'mantelzorgwaardering'} ${letter.year}`;
}

function opening(letter: ChequeLetter): string[] {
	const value = formatCents(letter.valueCents);
	const until = formatDay(letter.expiresOn);
	if (letter.purpose === 'reminder') {
		const left = formatCents(letter.remainingCents ?? letter.valueCents);
		return [
			`Op je ${letter.kind === 'pluim' ? 'Pluim' : 'cheque'} staat nog ${left}. Je kunt dit bedrag besteden tot en met ${until}. Daarna kun je de ${letter.kind === 'pluim' ? 'Pluim' : 'cheque'} niet meer gebruiken.`,
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

/** The carer's wijk first, then by name; as many as fit on one page. */
function orderShops(shops: readonly LetterShop[], district: string | null | undefined) {
	const near = (shop: LetterShop) => (district && shop.district === district ? 0 : 1);
	return [...shops].sort(
		(a, b) => near(a) - near(b) || a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' })
	);
}

function drawShopPage(
	doc: PDFKit.PDFDocument,
	letter: ChequeLetter,
	shops: readonly LetterShop[],
	options: LetterOptions
) {
	doc.font('Helvetica-Bold').fontSize(14).fillColor('black');
	doc.text('Winkels die meedoen', MARGIN, MARGIN);
	doc.font('Helvetica').fontSize(10);
	const shown = orderShops(shops, letter.district).slice(0, SHOPS_PER_COLUMN * 2);
	if (shops.length === 0) {
		doc.text(`De lijst met winkels staat op:\n${options.shopListUrl}`, { width: TEXT_WIDTH });
		return;
	}
	doc.text(
		shown.length < shops.length
			? `Hieronder staan ${shown.length} van de ${shops.length} winkels${letter.district ? `, eerst die in ${letter.district}` : ''}. Alle winkels staan op:\n${options.shopListUrl}`
			: `Je kunt de ${letter.kind === 'pluim' ? 'Pluim' : 'cheque'} bij deze winkels besteden.`,
		{ width: TEXT_WIDTH }
	);
	const top = doc.y + 10;
	const columnWidth = (TEXT_WIDTH - 20) / 2;
	shown.forEach((shop, index) => {
		const x = MARGIN + (index < SHOPS_PER_COLUMN ? 0 : columnWidth + 20);
		const y = top + (index % SHOPS_PER_COLUMN) * 25;
		const where = [shop.address, shop.district].filter(Boolean).join(', ');
		doc
			.font('Helvetica-Bold')
			.fontSize(9)
			.text(shop.name, x, y, { width: columnWidth, lineBreak: false, ellipsis: true });
		doc
			.font('Helvetica')
			.fontSize(8)
			.text(where, x, y + 11, { width: columnWidth, lineBreak: false, ellipsis: true });
	});
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
	drawShopPage(doc, letter, shops, options);
}

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.end();
	});
}

function newDocument(title: string) {
	return new PDFDocument({
		size: A4,
		margin: MARGIN,
		lang: 'nl-NL',
		info: { Title: title, Author: 'Buurtkracht' },
		// Compressed content streams keep a 1,000-letter print queue small.
		compress: true
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
	return toBuffer(doc);
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
	return toBuffer(doc);
}
