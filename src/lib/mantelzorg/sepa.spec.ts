import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { painXml, payoutCsv, sepaText, totalCents, type Payout } from './sepa';

const xsd = readFile(
	new URL('../../../tests/fixtures/sepa/pain.001.001.03.xsd', import.meta.url),
	'utf8'
);

async function validate(xml: string) {
	return validateXML({
		xml: [{ fileName: 'payout.xml', contents: xml }],
		schema: [{ fileName: 'pain.001.001.03.xsd', contents: await xsd }]
	});
}

const payout = (amounts: number[]): Payout => ({
	messageId: 'MZ-2026-11-0001',
	createdAt: new Date('2026-12-03T10:00:00Z'),
	executionDate: '2026-12-07',
	debtorName: 'Gemeente Zaanstad',
	debtorIban: 'NL91ABNA0417164300',
	lines: amounts.map((amountCents, i) => ({
		creditorName: `Bakkerij Het Molentje ${i} – Zaandam`,
		creditorIban: 'NL20INGB0001234567',
		amountCents,
		remittance: `Mantelzorgwaardering november 2026, declaratie ${i}`,
		endToEndId: `MZ-0001-${i}`
	}))
});

const tag = (xml: string, name: string) =>
	[...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('pain.001 payment file', () => {
	it('validates against the pain.001.001.03 schema, and its count and control sum equal the lines', async () => {
		const file = payout([2500, 1, 9999, 123456]);
		const xml = painXml(file);
		const result = await validate(xml);
		expect(result.errors).toEqual([]);
		expect(result.valid).toBe(true);
		expect(tag(xml, 'NbOfTxs')).toEqual(['4', '4']);
		expect(tag(xml, 'CtrlSum')).toEqual(['1359.56', '1359.56']);
		expect(tag(xml, 'InstdAmt')).toEqual(['25.00', '0.01', '99.99', '1234.56']);
		expect(xml).toContain('<Nm>Bakkerij Het Molentje 0 - Zaandam</Nm>');
	});

	it('a file that breaks the schema is caught (the check can fail)', async () => {
		const xml = painXml(payout([100])).replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>XXX</PmtMtd>');
		expect((await validate(xml)).valid).toBe(false);
	});

	it('the control sum is exact for any set of cent amounts', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 5_000_00 }), { minLength: 1, maxLength: 200 }),
				(amounts) => {
					const xml = painXml(payout(amounts));
					const sum = amounts.reduce((a, b) => a + b, 0);
					expect(tag(xml, 'CtrlSum')[0]).toBe((sum / 100).toFixed(2));
					expect(tag(xml, 'NbOfTxs')[0]).toBe(String(amounts.length));
				}
			),
			{ numRuns: 50 }
		);
	});

	it('refuses an empty file and amounts that are not whole positive cents', () => {
		expect(() => painXml(payout([]))).toThrow();
		expect(() => painXml(payout([0]))).toThrow();
		expect(() => painXml(payout([1.5]))).toThrow();
	});

	it('keeps texts within the SEPA character set', () => {
		expect(sepaText('Café "De Zaan" & zn €', 70)).toBe('Cafe De Zaan zn');
		expect(sepaText('x'.repeat(100), 35)).toHaveLength(35);
	});
});

describe('payout CSV', () => {
	it('has one line per payment and a total, in euros with a decimal comma', () => {
		const file = payout([2500, 1]);
		const lines = payoutCsv(file).trimEnd().split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines[1]).toContain(';25,00;');
		expect(lines[3]).toBe('Totaal;;;25,01;;');
		expect(totalCents(file)).toBe(2501);
	});

	it('neutralises spreadsheet formulas and quotes separators', () => {
		const file = payout([100]);
		file.lines[0]!.creditorName = '=HYPERLINK("x");y';
		expect(payoutCsv(file)).toContain(`"'=HYPERLINK(""x"");y"`);
	});
});
