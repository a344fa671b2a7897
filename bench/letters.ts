// npm run bench:letters — the printed cheque letter (issue 10, Performance): the size of one PDF
// letter, and the time to make 1,000 of them, both as 1,000 separate PDFs (download per carer)
// and as one print-queue PDF. 147 shops, as in Zaanstad 2015.
//   BENCH_LETTERS=1000  how many letters
import { performance } from 'node:perf_hooks';
import {
	renderLetter,
	renderLetterBatch,
	type ChequeLetter,
	type LetterShop
} from '../src/lib/server/mantelzorg/letters.ts';
import { randomBytes } from 'node:crypto';

const COUNT = Number(process.env.BENCH_LETTERS || 1000);
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DISTRICTS = [
	'Assendelft',
	'Krommenie',
	'Wormerveer',
	'Zaandam-Oost',
	'Poelenburg/Peldersveld'
];

const shops: LetterShop[] = Array.from({ length: 147 }, (_, i) => ({
	name: `Demowinkel ${i + 1}`,
	address: `Westzijde ${i + 1}, 1506 EA Zaandam`,
	district: DISTRICTS[i % DISTRICTS.length]
}));

const letters: ChequeLetter[] = Array.from({ length: COUNT }, (_, i) => ({
	kind: i % 40 === 0 ? 'pluim' : 'cheque',
	purpose: 'issued',
	code: [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join(''),
	valueCents: i % 40 === 0 ? 2500 : 5000,
	expiresOn: '2027-03-31',
	holderFirstName: `Voornaam${i}`,
	addressLines: [`Voornaam${i} Achternaam`, `Rozengracht ${i + 1}`, '1506 AB Zaandam'],
	district: DISTRICTS[i % DISTRICTS.length],
	year: 2026,
	municipalityName: 'Zaanstad'
}));
const options = { shopListUrl: 'https://buurtkracht.example/mantelzorg/winkels' };

await renderLetter(letters[0]!, shops, options); // warm-up: fonts, QR tables, JIT

let total = 0;
let started = performance.now();
for (const letter of letters) total += (await renderLetter(letter, shops, options)).length;
const separateMs = performance.now() - started;

started = performance.now();
const batch = await renderLetterBatch(letters, shops, options);
const batchMs = performance.now() - started;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`PDF letters (${COUNT}, 2 pages each, ${shops.length} shops)`);
console.log(`  one letter:             ${kb(total / COUNT)} on average`);
console.log(
	`  ${COUNT} separate PDFs:     ${(separateMs / 1000).toFixed(2)} s (${(separateMs / COUNT).toFixed(1)} ms per letter)`
);
console.log(
	`  one print-queue PDF:    ${(batchMs / 1000).toFixed(2)} s, ${(batch.length / 1024 / 1024).toFixed(2)} MB`
);
