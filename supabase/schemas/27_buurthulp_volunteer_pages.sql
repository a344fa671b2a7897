-- Buurthulp pages, the volunteers' side: my volunteer profile, "Voor jou", a volunteer's public
-- profile and the aanbod pages, one read-only function each.

-- ---------------------------------------------------------------------------------------------
-- My volunteer profile
-- ---------------------------------------------------------------------------------------------

-- The form's wijken, my profile (null before I made one), and how busy I am. security invoker:
-- RLS shows me my own volunteer profile only.
create or replace function public.volunteer_profile_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select public.my_municipality_id())
		), '[]'::jsonb),
		'profile', (
			select jsonb_build_object(
				'home_district_id', v.home_district_id, 'categories', to_jsonb(v.categories),
				'district_ids', to_jsonb(v.district_ids), 'radius_km', v.radius_km,
				'availability_mask', v.availability_mask, 'max_active_matches', v.max_active_matches,
				'is_paused', v.is_paused, 'about', v.about
			)
			from public.volunteer_profiles v where v.user_id = (select auth.uid())
		),
		'home_district_id', (select p.district_id from public.profiles p where p.id = (select auth.uid())),
		'active', (
			select count(*) from public.matches m
			where m.volunteer_id = (select auth.uid()) and m.status = 'active'
		),
		'helped', public.volunteer_helped_count((select auth.uid()))
	);
$$;
revoke all on function public.volunteer_profile_page() from public;
grant execute on function public.volunteer_profile_page() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- "Voor jou"
-- ---------------------------------------------------------------------------------------------

-- suggest_requests_for_me plus what the page needs to explain the ranking in words (my wijken)
-- and the open requests a coordinator invited me to look at. security definer (the invited
-- request is not selectable by the volunteer); every row is tied to auth.uid() explicitly.
create or replace function public.voor_jou_page(p_limit integer default 20) returns jsonb language sql stable security definer set search_path = '' as $$
	select public.suggest_requests_for_me(p_limit) || jsonb_build_object(
		'my_district_ids', coalesce((
			select to_jsonb(array(
				select distinct x from unnest(v.district_ids || v.home_district_id) x
			))
			from public.volunteer_profiles v where v.user_id = (select auth.uid())
		), '[]'::jsonb),
		'invitations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'request_id', r.id, 'title', r.title, 'category', r.category, 'district_name', d.name,
				'invited_at', i.created_at
			) order by i.created_at desc)
			from public.help_invitations i
			join public.help_requests r on r.id = i.request_id
			join public.districts d on d.id = r.district_id
			where i.volunteer_id = (select auth.uid())
				and r.status = 'open' and r.hidden_at is null
				and coalesce(r.ends_on, r.starts_on, current_date) >= current_date
				and not exists (
					select 1 from public.responses x where x.request_id = r.id and x.volunteer_id = i.volunteer_id
				)
		), '[]'::jsonb)
	);
$$;
revoke all on function public.voor_jou_page(integer) from public;
grant execute on function public.voor_jou_page(integer) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- A volunteer's public profile
-- ---------------------------------------------------------------------------------------------

-- Public: categories, wijken, how many people they helped (a count only) and open aanbod.
-- Anonymous visitors see only the first name; signed-in people of the same municipality see the
-- display name. Never contact details. Null when there is no such volunteer.
create or replace function public.volunteer_public_page(p_volunteer_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'id', v.user_id,
		'display_name', case
			when p.municipality_id = (select public.my_municipality_id()) then p.display_name
			else split_part(trim(p.display_name), ' ', 1)
		end,
		'about', v.about,
		'categories', to_jsonb(v.categories),
		'districts', coalesce((
			select jsonb_agg(d.name order by d.name) from public.districts d
			where d.id = any (v.district_ids || v.home_district_id)
		), '[]'::jsonb),
		'helped', public.volunteer_helped_count(v.user_id),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', o.id, 'title', o.title, 'description', o.description, 'category', o.category,
				'district_name', d.name, 'when_text', o.when_text, 'created_at', o.created_at
			) order by o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = v.user_id and o.status = 'open' and o.hidden_at is null
		), '[]'::jsonb)
	)
	from public.volunteer_profiles v
	join public.profiles p on p.id = v.user_id
	where v.user_id = p_volunteer_id
		and not exists (select 1 from public.account_blocks b where b.user_id = v.user_id);
$$;
revoke all on function public.volunteer_public_page(uuid) from public;
grant execute on function public.volunteer_public_page(uuid) to anon, authenticated;

-- ---------------------------------------------------------------------------------------------
-- Aanbod
-- ---------------------------------------------------------------------------------------------

-- My offers (open, withdrawn, hidden) and the wijken for the form. security invoker: RLS shows
-- me my own offers; a hidden offer comes with the coordinator's reason (hidden_reason).
create or replace function public.my_offers_page() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select public.my_municipality_id())
		), '[]'::jsonb),
		'home_district_id', (
			select coalesce(v.home_district_id, p.district_id)
			from public.profiles p left join public.volunteer_profiles v on v.user_id = p.id
			where p.id = (select auth.uid())
		),
		'offers', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', o.id, 'title', o.title, 'description', o.description, 'category', o.category,
				'district_name', d.name, 'when_text', o.when_text, 'status', o.status,
				'hidden', o.hidden_at is not null, 'created_at', o.created_at,
				'hidden_reason', case when o.hidden_at is not null then public.hidden_reason('help_offer', o.id) end
			) order by (o.status = 'open') desc, o.created_at desc)
			from public.help_offers o join public.districts d on d.id = o.district_id
			where o.volunteer_id = (select auth.uid())
		), '[]'::jsonb)
	);
$$;
revoke all on function public.my_offers_page() from public;
grant execute on function public.my_offers_page() to authenticated;

-- The public list of open aanbod, filtered by category and wijk, paginated. security definer:
-- anonymous visitors may see the volunteer's first name (as on the public profile), nothing more.
create or replace function public.offers_board_page(
	p_category text default null,
	p_district_id uuid default null,
	p_limit integer default 20,
	p_offset integer default 0
) returns jsonb language sql stable security definer set search_path = '' as $$
	with m as (select public.current_municipality_id() as id),
	filtered as (
		select o.* from public.help_offers o
		where o.municipality_id = (select id from m) and o.status = 'open' and o.hidden_at is null
			and (p_category is null or o.category = p_category)
			and (p_district_id is null or o.district_id = p_district_id)
			and not exists (select 1 from public.account_blocks b where b.user_id = o.volunteer_id)
	)
	select jsonb_build_object(
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d
			where d.municipality_id = (select id from m)
		), '[]'::jsonb),
		'total', (select count(*) from filtered),
		'items', coalesce((
			select jsonb_agg(x.item order by x.created_at desc)
			from (
				select f.created_at, jsonb_build_object(
					'id', f.id, 'title', f.title, 'description', f.description, 'category', f.category,
					'district_name', d.name, 'when_text', f.when_text, 'created_at', f.created_at,
					'volunteer_id', f.volunteer_id,
					'volunteer_name', case
						when p.municipality_id = (select public.my_municipality_id()) then p.display_name
						else split_part(trim(p.display_name), ' ', 1)
					end
				) as item
				from filtered f
				join public.districts d on d.id = f.district_id
				join public.profiles p on p.id = f.volunteer_id
				order by f.created_at desc
				limit least(greatest(p_limit, 1), 100) offset greatest(p_offset, 0)
			) x
		), '[]'::jsonb)
	);
$$;
revoke all on function public.offers_board_page(text, uuid, integer, integer) from public;
grant execute on function public.offers_board_page(text, uuid, integer, integer) to anon, authenticated;
