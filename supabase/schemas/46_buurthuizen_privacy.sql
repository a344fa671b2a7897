-- Buurthuizen registers with the platform's privacy services (issue 20): its processing activity
-- in the register, and the export of the registrations of one person.

insert into public.processing_activities (
	code, area, name, purpose, legal_basis, legal_basis_detail, data_categories, special_categories,
	data_subjects, recipients, retention, retention_months, sort_order
) values
	('buurthuizen.registration', 'buurthuizen', 'Aanmelding voor een activiteit',
		'Je meldt je aan voor een activiteit in een buurthuis. Het bestuur van dat buurthuis ziet je naam, zodat het weet wie er komt. Als de activiteit niet doorgaat, krijg je een e-mail.',
		'consent', 'Je meldt je zelf aan en kunt je zelf afmelden.',
		array['Naam', 'Welke activiteit en welke dag'], '',
		array['Inwoners die zich aanmelden'],
		array['Het bestuur van het buurthuis', 'Beheerders van de gemeente'],
		'Zolang je account bestaat. Verwijder je je account, dan melden we je af en laten we het bestuur dat weten.',
		null, 310);

create or replace function public.export_buurthuizen_data(p_user_id uuid) returns jsonb language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'registrations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'activity_id', a.id, 'activity', a.title, 'community_centre', c.name, 'occurs_on', r.occurs_on,
				'starts_at', public.activity_occurrence_start(a, r.occurs_on), 'created_at', r.created_at
			) order by r.occurs_on desc)
			from (
				select * from public.activity_registrations x where x.user_id = p_user_id
				order by x.occurs_on desc limit 1000
			) r
			join public.activities a on a.id = r.activity_id
			join public.community_centres c on c.id = r.community_centre_id
		), '[]'::jsonb),
		-- As an admin: counts only.
		'staff_work', jsonb_build_object(
			'points_periods_closed', (select count(*) from public.points_periods p where p.closed_by = p_user_id)
		)
	);
$$;
revoke all on function public.export_buurthuizen_data(uuid) from public, anon, authenticated;

insert into public.personal_data_exports (function_name, area, sort_order, tables) values
	('export_buurthuizen_data', 'buurthuizen', 40, array['activity_registrations', 'points_periods']);

-- ---------------------------------------------------------------------------------------------
-- The processing log: who registered, read by the board or an admin
-- ---------------------------------------------------------------------------------------------




-- A board cancelling or skipping a date lapses the registrations of that date: a change to the
-- registered residents' data, logged for each of them.
create or replace function public.log_registration_removed() returns trigger language plpgsql security definer set search_path = '' as $$
begin
	if (select auth.uid()) is null or (select auth.uid()) = old.user_id then
		return null;
	end if;
	perform public.log_processing(
		old.municipality_id, 'buurthuizen.registration', 'change', 'registration.cancelled',
		old.user_id, 'account', 'activity', old.activity_id,
		coalesce(public.processing_actor_role(old.municipality_id, array['board_member', 'municipality_admin']), 'board_member'),
		old.community_centre_id
	);
	return null;
end;
$$;
revoke all on function public.log_registration_removed() from public, anon, authenticated;

create trigger activity_registrations_processing_log after delete on public.activity_registrations
	for each row execute function public.log_registration_removed();
