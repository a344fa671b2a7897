// Dumps the parts of a migrated schema that migrations define, as sorted lines that can be compared
// between two builds: tables, columns, constraints, indexes, RLS and policies, types, views,
// functions (full definition), triggers, grants, owners, default privileges, and the rows of the
// platform's registries (notification kinds, scheduled jobs), which each area's SQL inserts.
// Used through scripts/lib/schema-build.ts by the schema equality test, db:compare and db:diff.
import type { Lite } from '../../src/lib/server/embedded/lite.ts';

/** One query per kind of object; each row becomes one line "kind | key | definition". */
const QUERIES: Record<string, string> = {
	table: `
		select c.relname as key,
			concat_ws(' ', 'rls=' || c.relrowsecurity, 'force=' || c.relforcerowsecurity,
				'owner=' || c.relowner::regrole::text, 'persistence=' || c.relpersistence::text,
				'replica=' || c.relreplident::text,
				'options=' || coalesce(array_to_string(c.reloptions, ','), '-'),
				'acl=' || coalesce(array_to_string(array(select unnest(c.relacl)::text order by 1), ','), '-'),
				'comment=' || coalesce(obj_description(c.oid, 'pg_class'), '-')) as def
		from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`,
	column: `
		select c.relname || '.' || a.attname as key,
			concat_ws(' ', format_type(a.atttypid, a.atttypmod),
				case when a.attnotnull then 'not null' end,
				'default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-'),
				case when a.attidentity <> '' then 'identity=' || a.attidentity::text end,
				case when a.attgenerated <> '' then 'generated=' || a.attgenerated::text end,
				'collation=' || coalesce(nullif(a.attcollation, 0)::regcollation::text, '-'),
				'acl=' || coalesce(array_to_string(array(select unnest(a.attacl)::text order by 1), ','), '-'),
				'comment=' || coalesce(col_description(c.oid, a.attnum), '-')) as def
		from pg_attribute a
		join pg_class c on c.oid = a.attrelid
		left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
		where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'c')
			and a.attnum > 0 and not a.attisdropped`,
	column_order: `
		select c.relname as key,
			string_agg(a.attname, ',' order by a.attnum) as def
		from pg_attribute a join pg_class c on c.oid = a.attrelid
		where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'c')
			and a.attnum > 0 and not a.attisdropped
		group by c.relname`,
	constraint: `
		select coalesce(c.relname, t.typname) || '.' || con.conname as key,
			pg_get_constraintdef(con.oid) as def
		from pg_constraint con
		left join pg_class c on c.oid = con.conrelid
		left join pg_type t on t.oid = con.contypid
		where con.connamespace = 'public'::regnamespace`,
	index: `
		select c.relname as key, pg_get_indexdef(c.oid) as def
		from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'i'`,
	policy: `
		select tablename || '.' || policyname as key,
			concat_ws(' ', permissive, cmd, 'to=' || array_to_string(roles, ','),
				'using=' || coalesce(qual, '-'), 'check=' || coalesce(with_check, '-')) as def
		from pg_policies where schemaname = 'public'`,
	type: `
		select t.typname as key,
			concat_ws(' ', t.typtype::text,
				case when t.typtype = 'e' then (select string_agg(e.enumlabel, ',' order by e.enumsortorder)
					from pg_enum e where e.enumtypid = t.oid) end,
				case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end,
				'comment=' || coalesce(obj_description(t.oid, 'pg_type'), '-')) as def
		from pg_type t
		where t.typnamespace = 'public'::regnamespace and t.typtype in ('e', 'd', 'c')
			and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')`,
	view: `
		select c.relname as key, c.relkind::text || ' ' || pg_get_viewdef(c.oid) as def
		from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('v', 'm')`,
	sequence: `
		select c.relname as key,
			'acl=' || coalesce(array_to_string(array(select unnest(c.relacl)::text order by 1), ','), '-') as def
		from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'`,
	function: `
		select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as key,
			pg_get_functiondef(p.oid)
			|| ' owner=' || p.proowner::regrole::text
			|| ' acl=' || coalesce(array_to_string(array(select unnest(p.proacl)::text order by 1), ','), '-')
			|| ' comment=' || coalesce(obj_description(p.oid, 'pg_proc'), '-') as def
		from pg_proc p where p.pronamespace = 'public'::regnamespace`,
	// Triggers on any table whose function lives in public (handle_new_user sits on auth.users).
	trigger: `
		select c.relnamespace::regnamespace || '.' || c.relname || '.' || tg.tgname as key,
			pg_get_triggerdef(tg.oid) || ' enabled=' || tg.tgenabled::text as def
		from pg_trigger tg
		join pg_class c on c.oid = tg.tgrelid
		join pg_proc p on p.oid = tg.tgfoid
		where not tg.tgisinternal
			and (c.relnamespace = 'public'::regnamespace or p.pronamespace = 'public'::regnamespace)`,
	extension: `select extname as key, extnamespace::regnamespace::text as def from pg_extension`,
	// alter default privileges: what every later table or function gets.
	default_acl: `
		select d.defaclrole::regrole::text || ' ' || coalesce(d.defaclnamespace::regnamespace::text, '*')
				|| ' ' || d.defaclobjtype::text as key,
			array_to_string(array(select unnest(d.defaclacl)::text order by 1), ',') as def
		from pg_default_acl d`,
	schema_acl: `
		select nspname as key,
			coalesce(array_to_string(array(select unnest(nspacl)::text order by 1), ','), '-') as def
		from pg_namespace where nspname in ('public', 'auth')`
};

/**
 * Registries the platform keeps in tables: part of the schema (each area's SQL inserts its rows),
 * unlike reference and demo data, which live in the seed files. Table, key column, other columns.
 */
/** Kinds whose definitions hold expressions (function bodies are text and stay as written). */
const FLATTEN = new Set(['constraint', 'policy', 'index', 'trigger', 'column', 'view']);

export const REGISTRIES: [string, string, string[]][] = [
	['notification_kinds', 'kind', ['area']],
	['scheduled_jobs', 'name', ['area', 'every']],
	['monitor_areas', 'area', ['function_name', 'state_function_name', 'position']],
	[
		'processing_activities',
		'code',
		[
			'area',
			'name',
			'purpose',
			'legal_basis',
			'legal_basis_detail',
			'data_categories',
			'special_categories',
			'data_subjects',
			'recipients',
			'retention',
			'retention_months',
			'sort_order'
		]
	],
	['personal_data_exports', 'function_name', ['area', 'sort_order', 'tables']]
];

/** The columns a registry table has in this database (one built before a column was added lacks it). */
async function columnsOf(lite: Lite, table: string): Promise<Set<string>> {
	const { rows } = await lite.exec(
		`select column_name from information_schema.columns where table_schema = 'public' and table_name = '${table}'`
	);
	return new Set(rows.map((r) => String(r.column_name)));
}

export async function dumpSchema(lite: Lite): Promise<string[]> {
	const queries = { ...QUERIES };
	for (const [table, key, columns] of REGISTRIES) {
		const { rows } = await lite.exec(`select to_regclass('public.${table}') is not null as ok`);
		if (!rows[0]?.ok) continue;
		const has = await columnsOf(lite, table);
		queries[`row ${table}`] = `
			select '${table}.' || ${key} as key,
				concat_ws(' ', ${columns
					.filter((c) => has.has(c))
					.map((c) => `'${c}=' || ${c}::text`)
					.join(', ')}) as def
			from public.${table}`;
	}
	const lines: string[] = [];
	for (const [query, sql] of Object.entries(queries)) {
		const kind = query.split(' ')[0];
		const { rows } = await lite.exec(sql);
		for (const row of rows) {
			// Whitespace at line ends is not a difference anybody can see or that changes behaviour.
			let def = String(row.def ?? '').replace(/[ \t]+$/gm, '');
			if (FLATTEN.has(kind ?? '')) def = flattenBooleans(def);
			lines.push(`${kind} | ${String(row.key)} | ${def}`);
		}
	}
	return lines.sort();
}

export interface FunctionDefinition {
	name: string;
	/** Argument types as a drop statement names them: `uuid, text`. */
	identity: string;
	/** pg_get_functiondef: a complete `CREATE OR REPLACE FUNCTION` without the final semicolon. */
	definition: string;
}

/** Every function in public with its full definition, by name (schema files define each once). */
export async function readFunctions(lite: Lite): Promise<FunctionDefinition[]> {
	const { rows } = await lite.exec(`
		select p.proname as name, pg_get_function_identity_arguments(p.oid) as identity,
			pg_get_functiondef(p.oid) as definition
		from pg_proc p where p.pronamespace = 'public'::regnamespace order by 1, 2`);
	return rows.map((row) => ({
		name: String(row.name),
		identity: String(row.identity),
		definition: String(row.definition).trimEnd()
	}));
}

/** The registries' rows, as `{ table, key, values }` with the columns REGISTRIES names. */
export async function readRegistryRows(
	lite: Lite
): Promise<{ table: string; key: string; values: Record<string, string | null> }[]> {
	const out: { table: string; key: string; values: Record<string, string | null> }[] = [];
	for (const [table, key, columns] of REGISTRIES) {
		const { rows: exists } = await lite.exec(
			`select to_regclass('public.${table}') is not null as ok`
		);
		if (!exists[0]?.ok) continue;
		// A column a newer schema adds reads as null in a database built before it.
		const has = await columnsOf(lite, table);
		const { rows } = await lite.exec(
			`select ${[key, ...columns].map((c) => `${has.has(c) ? c : 'null'}::text as ${c}`).join(', ')} from public.${table}`
		);
		for (const row of rows) {
			out.push({
				table,
				key: String(row[key]),
				// A null stays null, so a generated insert writes null and not the text 'null'.
				values: Object.fromEntries(
					[key, ...columns].map((c) => [c, row[c] === null ? null : String(row[c])])
				)
			});
		}
	}
	return out;
}

/**
 * AND and OR are associative, but the catalog keeps their nesting: `a between 1 and 9 and b` is
 * stored as AND(AND(a >= 1, a <= 9), b) and shown as `((a >= 1) AND (a <= 9)) AND (b)`, while that
 * text, read back (as a generated migration writes it), is stored flat: AND(a >= 1, a <= 9, b).
 * Both mean the same, so the dump shows every chain of one operator flat.
 */
export function flattenBooleans(text: string): string {
	const all = topLevel(text);
	const items = all.filter((item) => item.group !== undefined || item.text.trim());
	const groups = items.filter((item) => item.group !== undefined);
	const connectors = items
		.filter((item) => item.group === undefined)
		.map((item) => item.text.trim().toUpperCase());
	const op = connectors[0];
	const chain =
		(op === 'AND' || op === 'OR') &&
		connectors.every((c) => c === op) &&
		items.every((item, n) => (n % 2 === 0) === (item.group !== undefined)) &&
		groups.length === connectors.length + 1;
	if (chain) {
		const operands: string[] = [];
		for (const group of groups) {
			const inner = flattenBooleans(group.group!);
			const sub = topLevel(inner).filter((i) => i.group !== undefined || i.text.trim());
			const subConnectors = sub.filter((i) => i.group === undefined).map((i) => i.text.trim());
			const sameChain =
				subConnectors.length > 0 &&
				subConnectors.every((c) => c.toUpperCase() === op) &&
				sub.every((item, n) => (n % 2 === 0) === (item.group !== undefined));
			if (sameChain) operands.push(...sub.filter((i) => i.group !== undefined).map((i) => i.text));
			else operands.push(`(${inner})`);
		}
		return operands.join(` ${op} `);
	}
	return all
		.map((item) => (item.group === undefined ? item.text : `(${flattenBooleans(item.group)})`))
		.join('');
}

/** The top level of an expression: plain text, and parenthesised groups (`text` with, `group` without parentheses). */
function topLevel(text: string): { text: string; group?: string }[] {
	const items: { text: string; group?: string }[] = [];
	let plain = '';
	let i = 0;
	const skipQuoted = (at: number) => {
		const quote = text[at]!;
		let j = at + 1;
		while (j < text.length) {
			if (text[j] === quote && text[j + 1] === quote) j += 2;
			else if (text[j] === quote) return j + 1;
			else j++;
		}
		return j;
	};
	while (i < text.length) {
		const c = text[i]!;
		if (c === "'" || c === '"') {
			const end = skipQuoted(i);
			plain += text.slice(i, end);
			i = end;
		} else if (c === '(') {
			let depth = 1;
			let j = i + 1;
			while (j < text.length && depth > 0) {
				if (text[j] === "'" || text[j] === '"') {
					j = skipQuoted(j);
					continue;
				}
				if (text[j] === '(') depth++;
				else if (text[j] === ')') depth--;
				j++;
			}
			if (plain) items.push({ text: plain });
			plain = '';
			items.push({ text: text.slice(i, j), group: text.slice(i + 1, j - 1) });
			i = j;
		} else {
			plain += c;
			i++;
		}
	}
	if (plain) items.push({ text: plain });
	return items;
}
