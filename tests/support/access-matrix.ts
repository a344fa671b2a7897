// The written access matrix: what each kind of caller may do, through the API, to a row that
// belongs to someone else in their municipality. tests/integration/platform/access-matrix.test.ts
// walks every table in public and compares; a table missing here fails that test, so a new table
// cannot ship without deciding who may do what.
//
// select  the row is visible
// insert  a copy of the row, under a new key (someone else's row, in their name), is accepted
// update  a change to the row is accepted
// delete  the row can be deleted
// Rows a caller owns are tested in the area's own tests; state changes go through SQL functions.
import type { Table } from './buurthulp-scenario.ts';

export type Op = 'select' | 'insert' | 'update' | 'delete';
export const ACTORS = ['anon', 'stranger', 'coordinator', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

type Access = Partial<Record<Actor, Op[]>>;

const PUBLIC: Access = {
	anon: ['select'],
	stranger: ['select'],
	coordinator: ['select'],
	admin: ['select']
};
const COORDINATORS_READ: Access = { coordinator: ['select'] };
const ADMINS_READ: Access = { admin: ['select'] };
const NOBODY: Access = {};

export const ACCESS: Record<Table, Access> = {
	// Platform
	municipalities: PUBLIC,
	municipality_hosts: PUBLIC,
	// Granted only as maintenance (npm run platform:operator); an operator sees their own row.
	platform_operators: NOBODY,
	// The look is in every visitor's stylesheet; the payout account and the invitations are the
	// admins' (and the platform operators') business.
	municipality_looks: PUBLIC,
	municipality_payout_accounts: ADMINS_READ,
	role_invitations: ADMINS_READ,
	// Postcode areas are where "bij mij in de buurt" measures from; a wijk upload waiting to be
	// saved is for the municipality's admins.
	postcode_areas: PUBLIC,
	district_import_drafts: ADMINS_READ,
	districts: PUBLIC,
	// Admins add, change and archive their buurthuizen in /beheer/buurthuizen/beheren (issue 18).
	community_centres: { ...PUBLIC, admin: ['select', 'insert', 'update'] },
	memberships: { admin: ['select', 'insert', 'delete'] },
	profiles: { stranger: ['select'], coordinator: ['select'], admin: ['select'] },
	profile_contacts: NOBODY,
	account_blocks: COORDINATORS_READ,
	notification_kinds: NOBODY,
	notification_outbox: NOBODY,
	scheduled_jobs: NOBODY,
	// Sign-in and code limits: only the service role (the app server) counts and reads them.
	attempt_counters: NOBODY,
	// The public page cache's versions: read by the app servers with the secret key only.
	public_cache_versions: NOBODY,
	// security.txt: public like the file; admins change it only through renew_security_txt.
	security_contacts: PUBLIC,
	// Buurthulp
	volunteer_profiles: COORDINATORS_READ,
	help_requests: COORDINATORS_READ,
	// Coordinators act for residents without an account, so they may read these details; only
	// the poster changes or removes them (a coordinator's delete left no trace in the log).
	help_request_contacts: { coordinator: ['select'] },
	help_offers: PUBLIC,
	responses: COORDINATORS_READ,
	matches: COORDINATORS_READ,
	match_messages: COORDINATORS_READ,
	thanks: COORDINATORS_READ,
	// "Deze keer klaar": written by mark_match_occurrence_done only; read by the match's people.
	match_occurrences: COORDINATORS_READ,
	followups: COORDINATORS_READ,
	help_invitations: COORDINATORS_READ,
	// Written only through verify_volunteer and its siblings (issue 20 point 4).
	volunteer_verifications: COORDINATORS_READ,
	// A volunteer's choice of mails and what was mailed to them: their own business only; the
	// scheduler writes the deliveries, the volunteer the choice through set_request_alerts.
	request_alerts: NOBODY,
	request_alert_deliveries: NOBODY,
	reports: COORDINATORS_READ,
	moderation_actions: COORDINATORS_READ,
	// Buurthuizen: goals, published activities, skipped weeks and counts are public; changes go
	// through SQL functions (board members of the centre, admins for goals). Who registered is
	// for the centre's board and the municipality admin only.
	social_goals: PUBLIC,
	activities: PUBLIC,
	activity_exceptions: PUBLIC,
	activity_occurrence_counts: PUBLIC,
	activity_registrations: { admin: ['select'] },
	// Closed points periods and their frozen occurrences: written by close_points_period only.
	points_periods: ADMINS_READ,
	points_period_occurrences: ADMINS_READ,
	// Platform audit log: append-only, read by the municipality's admins
	audit_log: ADMINS_READ,
	// Mantelzorgwaardering: every change goes through its SQL functions, except what admins
	// manage directly (the scheme's rules, the consulenten's wijken)
	schemes: { ...PUBLIC, admin: ['select', 'insert', 'update'] },
	caseworker_districts: { admin: ['select', 'insert', 'delete'] },
	applications: ADMINS_READ,
	callback_checks: ADMINS_READ,
	// Codes are the carer's alone (four eyes): admins read cheques through functions without codes.
	cheques: NOBODY,
	scheme_counts: ADMINS_READ,
	// Mantelzorgwaardering: shops and the counter (tests/support/mantelzorg-counter-scenario.ts).
	// The matrix row is an approved shop; the public reads approved shops through approved_shops,
	// which returns only the columns the list shows (no account ids).
	shops: ADMINS_READ,
	shop_private_details: ADMINS_READ,
	shop_staff_invitations: ADMINS_READ,
	redemptions: ADMINS_READ,
	code_attempts: ADMINS_READ,
	reimbursement_batches: ADMINS_READ,
	// Monitor (issue 21): the registry is the migrations'; the anonymous cheque facts and the
	// entered reference figures are the admins'; a carer's answer is read by that carer only.
	monitor_areas: NOBODY,
	cheque_facts: ADMINS_READ,
	carer_appreciation_answers: NOBODY,
	monitor_reference_figures: ADMINS_READ,
	// The rollup of closed months is read by monitor_figures only (security definer callers).
	monitor_months: NOBODY,
	monitor_month_events: NOBODY,
	monitor_salts: NOBODY,
	// Privacy (issue 20): the register is public; the processing log and the export registry are
	// read through functions only; a person sees only their own data requests.
	processing_activities: PUBLIC,
	processing_log: NOBODY,
	personal_data_exports: NOBODY,
	personal_data_erasures: NOBODY,
	personal_data_requests: NOBODY
};

export const allowed = (table: Table, actor: Actor, op: Op) =>
	(ACCESS[table][actor] ?? []).includes(op);
