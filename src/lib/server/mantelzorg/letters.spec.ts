import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { addressBlock } from './letter-address';
import { renderLetter, renderLetterBatch, type ChequeLetter, type LetterShop } from './letters';

const letter = (overrides: Partial<ChequeLetter> = {}): ChequeLetter => ({
	kind: 'cheque',
	purpose: 'issued',
	code: 'ABCDEFGHJKMNPQR5',
	valueCents: 5000,
	expiresOn: '2027-03-31',
	holderFirstName: 'Fatima',
	addressLines: ['Fatima de Boer', 'Rozengracht 12', '1506 AB Zaandam'],
	district: 'Zaandam-West',
	year: 2026,
	municipalityName: 'Zaanstad',
	letterDate: '2026-12-03',
	...overrides
});

const shops: LetterShop[] = Array.from({ length: 80 }, (_, i) => ({
	name: `Winkel ${String(i).padStart(2, '0')}`,
	address: `Dorpsstraat ${i}`,
	district: i === 79 ? 'Zaandam-West' : 'Krommenie'
}));
const options = { shopListUrl: 'https://buurtkracht.example/mantelzorg/winkels' };

async function pages(pdf: Buffer) {
	const doc = await getDocumentProxy(new Uint8Array(pdf));
	const { text } = await extractText(doc, { mergePages: false });
	return text.map((page) => page.replace(/\s+/g, ' '));
}

describe('the address block in the envelope window', () => {
	const marja = {
		firstName: 'Marja',
		lastName: 'Mantel',
		postcode: '1502CD',
		houseNumber: '8',
		street: 'Vinkenstraat',
		town: 'Zaandam'
	};

	it('is a complete Dutch address: name, street and number, postcode and TOWN', () => {
		expect(addressBlock(marja, 'Zaanstad')).toEqual([
			'Marja Mantel',
			'Vinkenstraat 8',
			'1502 CD  ZAANDAM'
		]);
	});

	it('falls back to postcode, number and the municipality for an older application', () => {
		expect(addressBlock({ ...marja, street: null, town: null }, 'Zaanstad')).toEqual([
			'Marja Mantel',
			'1502 CD 8',
			'ZAANSTAD'
		]);
	});
});

describe('cheque letters', () => {
	it('holds the grouped code, value, expiry and the carer’s wijk shops first', async () => {
		const pdf = await renderLetter(letter(), shops, options);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const [front, back] = await pages(pdf);
		expect(front).toContain('ABCD EFGH JKMN PQR5');
		expect(front).toContain('€ 50,00');
		expect(front).toContain('31 maart 2027');
		expect(front).toContain('Beste Fatima,');
		expect(front).toContain('1506 AB Zaandam');
		expect(back).toContain('Winkels die meedoen');
		// 52 of 80 fit; the one in the carer's wijk leads, the rest are on the website.
		expect(back).toContain('52 van de 80 winkels');
		expect(back!.indexOf('Winkel 79')).toBeLessThan(back!.indexOf('Winkel 00'));
		expect(back).toContain(options.shopListUrl);
		expect(back).not.toContain('Winkel 60');
	});

	it('says Pluim to a young carer and names what is left in a reminder', async () => {
		const [pluim] = await pages(await renderLetter(letter({ kind: 'pluim' }), [], options));
		expect(pluim).toContain('Je Pluim 2026');
		const [reminder] = await pages(
			await renderLetter(letter({ purpose: 'reminder', remainingCents: 1250 }), shops, options)
		);
		expect(reminder).toContain('Herinnering');
		expect(reminder).toContain('nog € 12,50');
	});

	it('puts every pending letter in one PDF, two pages each', async () => {
		const codes = ['AAAABBBBCCCCDDD1', 'EEEEFFFFGGGGHHH2', 'JJJJKKKKMMMMNNN3'];
		const pdf = await renderLetterBatch(
			codes.map((code) => letter({ code })),
			shops.slice(0, 5),
			options
		);
		const text = await pages(pdf);
		expect(text).toHaveLength(6);
		expect(text[0]).toContain('AAAA BBBB CCCC DDD1');
		expect(text[2]).toContain('EEEE FFFF GGGG HHH2');
		expect(text[4]).toContain('JJJJ KKKK MMMM NNN3');
		expect(text[5]).toContain('Je kunt de cheque bij deze winkels besteden.');
	});
});
