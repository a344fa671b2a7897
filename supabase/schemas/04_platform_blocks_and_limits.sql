-- Platform services, owned by no area: account blocks and rate limits. An area uses them from its
-- own schema file: is_blocked() in its insert policies, a rate-limit trigger on its table.

-- ---------------------------------------------------------------------------------------------
-- Account blocks: a blocked account can no longer post or react (checked in insert policies)
-- ---------------------------------------------------------------------------------------------

create table public.account_blocks (
	user_id uuid primary key references auth.users (id) on delete cascade,
	municipality_id uuid not null references public.municipalities (id) on delete cascade,
	blocked_by uuid references auth.users (id) on delete set null,
	reason text not null check (char_length(reason) between 3 and 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

create trigger account_blocks_set_timestamps before insert or update on public.account_blocks
	for each row execute function public.set_timestamps();

alter table public.account_blocks enable row level security;

create policy "Blocked people see their own block" on public.account_blocks
	for select to authenticated using (user_id = (select auth.uid()));

create policy "Coordinators see blocks in their municipality" on public.account_blocks
	for select to authenticated using (public.has_role('coordinator', municipality_id));

create or replace function public.is_blocked() returns boolean language sql stable security definer set search_path = '' as $$
	select exists (select 1 from public.account_blocks b where b.user_id = (select auth.uid()));
$$;
revoke all on function public.is_blocked() from public;
grant execute on function public.is_blocked() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Rate limits
-- ---------------------------------------------------------------------------------------------

-- At most TG_ARGV[1] rows per TG_ARGV[2] by the actor in column TG_ARGV[0].
-- A trigger holds for every client, including ones that skip the app's own checks.
create or replace function public.enforce_rate_limit() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_actor uuid;
	v_count integer;
begin
	v_actor := (to_jsonb(new) ->> tg_argv[0])::uuid;
	if v_actor is null then
		return new;
	end if;
	execute format(
		'select count(*) from %I.%I where %I = $1 and created_at > now() - $2::interval',
		tg_table_schema, tg_table_name, tg_argv[0]
	) into v_count using v_actor, tg_argv[2];
	if v_count >= tg_argv[1]::integer then
		raise exception 'rate_limited: % per %', tg_argv[1], tg_argv[2]
			using errcode = 'P0001', hint = tg_table_name;
	end if;
	return new;
end;
$$;
