-- Buurthuizen set up by the municipality admin in the browser (issue 18): /beheer/buurthuizen/beheren
-- adds, edits and archives them through the table's policies; the placement guard
-- (02_platform_roles.sql) keeps name, place and archiving to admins, and the trigger below keeps a
-- buurthuis's wijk inside its own municipality.

create policy "Municipality admins add community centres in their municipality" on public.community_centres
	for insert to authenticated with check (public.has_role('municipality_admin', municipality_id));

-- A buurthuis lies in a wijk of its own municipality; an id from another municipality is refused
-- as if it did not exist. Named to run after community_centres_guard_placement (triggers run by
-- name), so moving a buurthuis to another municipality stays that guard's 42501.
create or replace function public.community_centres_district_in_municipality() returns trigger language plpgsql set search_path = '' as $$
begin
	if not exists (
		select 1 from public.districts d where d.id = new.district_id and d.municipality_id = new.municipality_id
	) then
		raise exception 'district_not_found' using errcode = '22023';
	end if;
	return new;
end;
$$;
revoke all on function public.community_centres_district_in_municipality() from public, anon, authenticated;

create trigger community_centres_keep_district_in_municipality before insert or update of district_id, municipality_id
	on public.community_centres
	for each row execute function public.community_centres_district_in_municipality();
