-- Issue 17: what the header, the home page and /profiel need to show everyone the way to their own
-- pages, still in the one current_viewer() call every page already makes:
--   roles[].scope_name  the shop's or buurthuis's name (instead of a raw id on /profiel)
--   is_volunteer        show "Hulpvragen voor jou" instead of "Word vrijwilliger"
--   is_carer            show "Mijn cheque" on the home page
--   buurthulp_new       the count behind "Mijn buurthulp (N nieuw)": reactions waiting for my
--                       choice on my open requests, my unanswered "hoe ging het?" questions, and
--                       invitations to open requests I have not reacted to
-- It reads Buurthulp and Mantelzorgwaardering tables, so it is defined after those areas. Every
-- count names the caller explicitly, so a coordinator's or consulent's wider RLS view never
-- inflates it.

create or replace function public.current_viewer() returns jsonb language sql stable security invoker set search_path = '' as $$
	select jsonb_build_object(
		'display_name', p.display_name,
		'municipality_id', p.municipality_id,
		'district_id', p.district_id,
		'roles', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', m.id, 'role', m.role, 'municipality_id', m.municipality_id,
				'shop_id', m.shop_id, 'community_centre_id', m.community_centre_id,
				'scope_name', coalesce(
					(select s.name from public.shops s where s.id = m.shop_id),
					(select cc.name from public.community_centres cc where cc.id = m.community_centre_id)
				)
			) order by m.role, m.created_at)
			from public.memberships m where m.user_id = p.id
		), '[]'::jsonb),
		'is_volunteer', exists (select 1 from public.volunteer_profiles v where v.user_id = p.id),
		'is_carer', exists (select 1 from public.applications a where a.carer_user_id = p.id),
		'buurthulp_new', (
			select count(*) from public.responses x
			join public.help_requests r on r.id = x.request_id
			where x.status = 'pending'
				and (r.requester_id = p.id or r.created_by = p.id)
				and public.help_request_effective_status(r.status, r.starts_on, r.ends_on) = 'open'
		) + (
			select count(*) from public.followups f
			where f.respondent_id = p.id and f.answered_at is null
		) + (
			select count(*) from public.help_invitations i
			join public.help_requests r on r.id = i.request_id
			where i.volunteer_id = p.id
				and r.hidden_at is null
				and public.help_request_effective_status(r.status, r.starts_on, r.ends_on) = 'open'
				and not exists (
					select 1 from public.responses x where x.request_id = i.request_id and x.volunteer_id = p.id
				)
		)
	)
	from public.profiles p
	where p.id = (select auth.uid());
$$;
revoke all on function public.current_viewer() from public;
grant execute on function public.current_viewer() to authenticated;
