// Set-up for the counter's browser tests: cheques issued the real way (a carer applies, the demo
// consulent approves) through the API as the demo accounts, and a fake-camera video of a QR code.
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import QRCode from 'qrcode';
import type { Database } from '../../src/lib/database.types.ts';
import { E2E_API, e2eKey } from '../../playwright.config.ts';
import { DEMO_PASSWORD } from './browser.ts';
import { dayFromNow } from './days.ts';

type Client = SupabaseClient<Database>;

export async function demoApi(
	email: string,
	at = { url: E2E_API, key: e2eKey() }
): Promise<Client> {
	const api = createClient<Database>(at.url, at.key, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
	const { error } = await api.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
	if (error) throw error;
	return api;
}

const check = <T>(r: { data: T; error: unknown }): NonNullable<T> => {
	if (r.error || r.data === null || r.data === undefined) throw r.error ?? new Error('no data');
	return r.data as NonNullable<T>;
};

/**
 * Issues `count` approved cheques of € 50 to the demo resident; returns their codes. `at` is
 * another app's API (the crash test's own server); the default is the browser tests' server.
 */
export async function issueCheques(
	count: number,
	at?: { url: string; key: string }
): Promise<string[]> {
	const admin = await demoApi('beheer@buurtkracht.example', at);
	const caseworker = await demoApi('consulent@buurtkracht.example', at);
	const carer = await demoApi('inwoner@buurtkracht.example', at);
	const me = check(await admin.rpc('current_viewer')) as { municipality_id: string };
	const year = new Date().getFullYear();
	const existing = check(await admin.from('schemes').select('id').eq('year', year));
	if (existing.length === 0) {
		const { error } = await admin.from('schemes').insert({
			municipality_id: me.municipality_id,
			year,
			cheque_value_cents: 5000,
			pluim_value_cents: 2500,
			application_opens_on: dayFromNow(-30),
			application_closes_on: dayFromNow(30),
			redeem_until: dayFromNow(200),
			budget_cents: 57_000_000
		});
		if (error) throw error;
	}
	const [district] = check(await admin.from('districts').select('id').eq('slug', 'krommenie'));
	const { data: caseworkerId } = await caseworker.auth.getUser();
	await admin.from('caseworker_districts').insert({
		municipality_id: me.municipality_id,
		user_id: caseworkerId.user?.id as string,
		district_id: district?.id as string
	});
	const codes: string[] = [];
	for (let i = 0; i < count; i++) {
		const applicationId = check(
			await carer.rpc('submit_application', {
				p_carer_first_name: 'Ingrid',
				p_carer_last_name: 'Inwoner',
				p_carer_birth_date: '1960-05-01',
				p_carer_postcode: '1561 AB',
				p_carer_house_number: '12',
				p_care_recipient_name: `Zorgvrager ${randomUUID().slice(0, 8)}`,
				p_care_recipient_postcode: '1561 CD',
				p_care_relation: 'parent',
				p_hours_per_week: 12,
				p_caring_since: '2024-01-15',
				p_consent: true,
				p_district_id: district?.id as string
			})
		) as string;
		const chequeId = check(
			await caseworker.rpc('approve_application', { p_application_id: applicationId })
		) as string;
		const [cheque] = check(await carer.from('cheques').select('code').eq('id', chequeId));
		codes.push(cheque?.code as string);
	}
	return codes;
}

/**
 * A Y4M video (what Chromium's fake camera plays, in a loop) of one frame showing the QR code:
 * 640×480, 4:2:0, black modules (Y 16) on white (Y 235), with a quiet zone.
 */
export async function qrVideo(text: string): Promise<string> {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const size = qr.modules.size;
	const width = 640;
	const height = 480;
	const scale = Math.floor((height - 80) / size);
	const offsetX = Math.floor((width - size * scale) / 2);
	const offsetY = Math.floor((height - size * scale) / 2);
	const y = Buffer.alloc(width * height, 235);
	for (let row = 0; row < size; row++) {
		for (let col = 0; col < size; col++) {
			if (!qr.modules.get(row, col)) continue;
			for (let dy = 0; dy < scale; dy++) {
				const start = (offsetY + row * scale + dy) * width + offsetX + col * scale;
				y.fill(16, start, start + scale);
			}
		}
	}
	const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
	const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma, chroma]);
	const file = path.join(tmpdir(), `cheque-qr-${randomUUID().slice(0, 8)}.y4m`);
	await writeFile(file, Buffer.concat([header, frame, frame]));
	return file;
}
