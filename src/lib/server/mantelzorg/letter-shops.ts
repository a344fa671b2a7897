// The back of a printed letter: the shops where the cheque or Pluim can be spent, the carer's
// wijk first, in two columns on one page.
import { MARGIN, TEXT_WIDTH } from './letter-pdf.ts';

export interface LetterShop {
	name: string;
	address: string;
	district?: string | null;
	category?: string | null;
}

/** What the shop page says around the list. */
export interface ShopPage {
	/** The carer's wijk: its shops come first. */
	district?: string | null;
	/** "cheque" or "Pluim". */
	thing: string;
	/** Where the whole shop list is, named when it does not fit on the page. */
	shopListUrl: string;
}

const SHOPS_PER_COLUMN = 26;

/** The carer's wijk first, then by name; as many as fit on one page. */
function orderShops(shops: readonly LetterShop[], district: string | null | undefined) {
	const near = (shop: LetterShop) => (district && shop.district === district ? 0 : 1);
	return [...shops].sort(
		(a, b) => near(a) - near(b) || a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' })
	);
}

export function drawShopPage(
	doc: PDFKit.PDFDocument,
	shops: readonly LetterShop[],
	{ district, thing, shopListUrl }: ShopPage
) {
	doc.font('Helvetica-Bold').fontSize(14).fillColor('black');
	doc.text('Winkels die meedoen', MARGIN, MARGIN);
	doc.font('Helvetica').fontSize(10);
	const shown = orderShops(shops, district).slice(0, SHOPS_PER_COLUMN * 2);
	if (shops.length === 0) {
		doc.text(`De lijst met winkels staat op:\n${shopListUrl}`, { width: TEXT_WIDTH });
		return;
	}
	doc.text(
		shown.length < shops.length
			? `Hieronder staan ${shown.length} van de ${shops.length} winkels${district ? `, eerst die in ${district}` : ''}. Alle winkels staan op:\n${shopListUrl}`
			: `Je kunt de ${thing} bij deze winkels besteden.`,
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
