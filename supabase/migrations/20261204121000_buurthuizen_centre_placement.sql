-- Buurthuizen, issue 16.10: a board member could move their buurthuis to another wijk (PATCH
-- community_centres district_id), which changes which social goals and points apply. The board
-- keeps the update policy for what it manages (opening hours, accessibility, contact, the
-- wijkteam note); a buurthuis's name, slug, wijk, location and address are the municipality
-- admin's. Column grants do not hold on the embedded Supabase, so a trigger decides, for every
-- API caller; the security definer functions and maintenance (not anon/authenticated) pass.

create or replace function public.community_centres_guard_placement() returns trigger language plpgsql set search_path = '' as $$
begin
	if current_user not in ('anon', 'authenticated') then
		return new;
	end if;
	if new.municipality_id is distinct from old.municipality_id then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if (new.name, new.slug, new.district_id, new.latitude, new.longitude, new.street_address,
			new.postcode, new.city, new.is_demo)
		is distinct from (old.name, old.slug, old.district_id, old.latitude, old.longitude,
			old.street_address, old.postcode, old.city, old.is_demo)
		and not public.has_role('municipality_admin', old.municipality_id)
	then
		raise exception 'only_admin_moves_centre' using errcode = '42501';
	end if;
	return new;
end;
$$;
revoke all on function public.community_centres_guard_placement() from public, anon, authenticated;

create trigger community_centres_guard_placement before update on public.community_centres
	for each row execute function public.community_centres_guard_placement();
