import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './mail-text.ts';

const template = (name: string) =>
	readFileSync(`supabase/templates/${name}.html`, 'utf8')
		.replaceAll('{{ .SiteURL }}', 'https://buurtkracht.example')
		.replaceAll('{{ .TokenHash }}', 'abc123')
		.replaceAll('{{ .Token }}', '123456');

describe('htmlToText', () => {
	it('writes the magic-link mail as Dutch text with the /auth/confirm link and the code', () => {
		const text = htmlToText(template('magic_link'));
		expect(text).toContain('Je hebt gevraagd om in te loggen bij Buurtkracht.');
		expect(text).toContain(
			'Inloggen: https://buurtkracht.example/auth/confirm?token_hash=abc123&type=magiclink'
		);
		expect(text).toContain('Typ dan deze code in op de website: 123456');
		expect(text).not.toMatch(/<|&amp;|style=|access_token|\/auth\/v1\/verify/);
	});

	it('keeps paragraphs apart and decodes entities', () => {
		expect(
			htmlToText('<h1>Kop</h1><p>Een &amp; twee&nbsp;&#233;n &#x21;</p><p>Drie<br>vier</p>')
		).toBe('Kop\n\nEen & twee én !\n\nDrie\nvier');
	});

	it('drops the head and styles', () => {
		expect(htmlToText('<html><head><style>p{}</style><title>x</title></head><p>Tekst</p>')).toBe(
			'Tekst'
		);
	});

	it.each(['confirmation', 'recovery', 'email_change'])('%s links to /auth/confirm', (name) => {
		expect(htmlToText(template(name))).toMatch(
			/: https:\/\/buurtkracht\.example\/auth\/confirm\?token_hash=abc123&type=\w+/
		);
	});
});
