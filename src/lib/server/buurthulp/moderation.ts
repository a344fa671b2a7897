// Safety: reporting content (anyone signed in), and the coordinator's dashboard and moderation
// actions. Every action goes through a SQL function that checks the role and writes the log.
import { z } from 'zod';
import type { ModerationForm, ReportTargetType } from '#lib/schemas/buurthulp/moderation';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';

const targetType = z.enum(['help_request', 'help_offer', 'match_message']);

const reportTarget = z
	.object({
		type: targetType,
		id: z.uuid(),
		title: z.string(),
		excerpt: z.string(),
		back: z.string()
	})
	.nullable();

export type ReportTarget = NonNullable<z.infer<typeof reportTarget>>;

export async function loadReportTarget(
	supabase: RequestClient,
	type: ReportTargetType,
	id: string
): Promise<ReportTarget | null> {
	const { data, error } = await supabase.rpc('report_target_page', {
		p_target_type: type,
		p_target_id: id
	});
	if (error) throw new Error(`report_target_page: ${error.message}`);
	return reportTarget.parse(data);
}

export async function reportContent(
	supabase: RequestClient,
	type: ReportTargetType,
	id: string,
	reason: string
): Promise<{ problem: string } | null> {
	const { error } = await supabase.rpc('report_content', {
		p_target_type: type,
		p_target_id: id,
		p_reason: reason
	});
	if (!error) return null;
	if (/not_found/.test(error.message ?? '')) {
		return { problem: 'We kunnen niet vinden wat je wilt melden. Misschien is het al weggehaald.' };
	}
	return { problem: helpErrorMessage(error, 'reports') };
}

const coordinationPage = z.object({
	reports: z.array(
		z.object({
			id: z.uuid(),
			target_type: targetType,
			target_id: z.uuid(),
			reason: z.string(),
			created_at: z.string(),
			reporter_name: z.string().nullable(),
			reports_on_target: z.number().int(),
			target: z
				.object({
					title: z.string(),
					excerpt: z.string(),
					hidden: z.boolean(),
					author_id: z.uuid().nullable(),
					author_name: z.string().nullable(),
					author_blocked: z.boolean(),
					link: z.string()
				})
				.nullable()
		})
	),
	log: z.array(
		z.object({
			id: z.uuid(),
			action: z.enum(['hide', 'unhide', 'block', 'unblock', 'dismiss_report']),
			target_type: z.string(),
			target_id: z.uuid(),
			reason: z.string(),
			created_at: z.string(),
			actor_name: z.string().nullable(),
			account_name: z.string().nullable()
		})
	),
	load: z.array(
		z.object({
			volunteer_id: z.uuid(),
			display_name: z.string(),
			active: z.number().int(),
			max: z.number().int(),
			paused: z.boolean()
		})
	),
	followups: z.array(
		z.object({
			id: z.uuid(),
			match_id: z.uuid(),
			side: z.enum(['requester', 'volunteer']),
			answer: z.enum(['good', 'okay', 'bad']).nullable(),
			comment: z.string(),
			answered_at: z.string().nullable(),
			asked_at: z.string(),
			escalated_at: z.string().nullable(),
			title: z.string(),
			vulnerable: z.boolean(),
			volunteer_name: z.string().nullable(),
			requester_name: z.string()
		})
	),
	unanswered: z.array(
		z.object({
			id: z.uuid(),
			title: z.string(),
			category: z.string(),
			district_name: z.string(),
			created_at: z.string(),
			starts_on: z.string().nullable(),
			vulnerable: z.boolean()
		})
	)
});

export type CoordinationPage = z.infer<typeof coordinationPage>;

export async function loadCoordination(supabase: RequestClient): Promise<CoordinationPage | null> {
	const { data, error } = await supabase.rpc('coordination_page');
	if (error) {
		if (/forbidden/.test(error.message ?? '')) return null;
		throw new Error(`coordination_page: ${error.message}`);
	}
	return coordinationPage.parse(data);
}

export type ModerationAction = 'hide' | 'block' | 'dismiss';

export async function moderate(
	supabase: RequestClient,
	action: ModerationAction,
	form: ModerationForm
): Promise<{ problem: string } | null> {
	let result;
	if (action === 'hide') {
		result = await supabase.rpc('hide_content', {
			p_target_type: form.targetType,
			p_target_id: form.targetId,
			p_reason: form.reason
		});
	} else if (action === 'block') {
		if (!form.authorId) {
			return { problem: 'Van dit bericht is geen account bekend dat je kunt blokkeren.' };
		}
		result = await supabase.rpc('block_account', {
			p_user_id: form.authorId,
			p_reason: form.reason
		});
	} else {
		result = await supabase.rpc('dismiss_report', {
			p_report_id: form.reportId,
			p_reason: form.reason
		});
	}
	return result.error ? { problem: helpErrorMessage(result.error) } : null;
}
