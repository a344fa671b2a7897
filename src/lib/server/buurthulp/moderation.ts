// Safety: reporting content (anyone signed in), and the coordinator's dashboard and moderation
// actions. Every action goes through a SQL function that checks the role and writes the log.
import { z } from 'zod';
import {
	followupAnswer,
	followupSide,
	moderationAction,
	reportTargetType,
	type ReportTargetType
} from '#lib/buurthulp/enums';
import type { ModerationForm } from '#lib/schemas/buurthulp/moderation';
import { ok, refused, type WriteResult } from '../result';
import { fromRow } from '../rows';
import type { RequestClient } from '../supabase';
import { helpErrorMessage } from './errors';

const reportTarget = z
	.object({
		type: reportTargetType,
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
): Promise<WriteResult> {
	const { error } = await supabase.rpc('report_content', {
		p_target_type: type,
		p_target_id: id,
		p_reason: reason
	});
	if (!error) return ok();
	if (/not_found/.test(error.message ?? '')) {
		return refused('We kunnen niet vinden wat je wilt melden. Misschien is het al weggehaald.');
	}
	return refused(helpErrorMessage(error, 'reports'));
}

const coordinationPage = fromRow(
	z.object({
		reports: z.array(
			z.object({
				id: z.uuid(),
				targetType: reportTargetType,
				targetId: z.uuid(),
				reason: z.string(),
				createdAt: z.string(),
				reporterName: z.string().nullable(),
				reportsOnTarget: z.number().int(),
				target: z
					.object({
						title: z.string(),
						excerpt: z.string(),
						hidden: z.boolean(),
						authorId: z.uuid().nullable(),
						authorName: z.string().nullable(),
						authorBlocked: z.boolean(),
						link: z.string()
					})
					.nullable()
			})
		),
		log: z.array(
			z.object({
				id: z.uuid(),
				action: moderationAction,
				targetType: z.string(),
				targetId: z.uuid(),
				reason: z.string(),
				createdAt: z.string(),
				actorName: z.string().nullable(),
				accountName: z.string().nullable()
			})
		),
		load: z.array(
			z.object({
				volunteerId: z.uuid(),
				displayName: z.string(),
				active: z.number().int(),
				max: z.number().int(),
				paused: z.boolean()
			})
		),
		followups: z.array(
			z.object({
				id: z.uuid(),
				matchId: z.uuid(),
				side: followupSide,
				answer: followupAnswer.nullable(),
				comment: z.string(),
				answeredAt: z.string().nullable(),
				askedAt: z.string(),
				escalatedAt: z.string().nullable(),
				title: z.string(),
				vulnerable: z.boolean(),
				volunteerName: z.string().nullable(),
				requesterName: z.string()
			})
		),
		unanswered: z.array(
			z.object({
				id: z.uuid(),
				title: z.string(),
				category: z.string(),
				districtName: z.string(),
				createdAt: z.string(),
				startsOn: z.string().nullable(),
				vulnerable: z.boolean()
			})
		)
	})
);

export type CoordinationPage = z.infer<typeof coordinationPage>;

export async function loadCoordination(supabase: RequestClient): Promise<CoordinationPage | null> {
	const { data, error } = await supabase.rpc('coordination_page');
	if (error) {
		if (/forbidden/.test(error.message ?? '')) return null;
		throw new Error(`coordination_page: ${error.message}`);
	}
	return coordinationPage.parse(data);
}

/** What the coordinator's buttons do; `dismiss` is the log's `dismiss_report`. */
export type ModerationChoice = 'hide' | 'block' | 'dismiss';

export async function moderate(
	supabase: RequestClient,
	action: ModerationChoice,
	form: ModerationForm
): Promise<WriteResult> {
	let result;
	if (action === 'hide') {
		result = await supabase.rpc('hide_content', {
			p_target_type: form.targetType,
			p_target_id: form.targetId,
			p_reason: form.reason
		});
	} else if (action === 'block') {
		if (!form.authorId) {
			return refused('Van dit bericht is geen account bekend dat je kunt blokkeren.');
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
	return result.error ? refused(helpErrorMessage(result.error)) : ok();
}
