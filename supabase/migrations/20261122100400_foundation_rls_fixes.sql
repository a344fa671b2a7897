-- Fixes found by tests/integration/rls-foundation.test.ts.
--
-- A person could update their own profiles row through the API with any municipality_id and so
-- move into another municipality (and see its people, boards and roles pages), or pick a wijk of
-- another municipality. The municipality is set by the sign-up trigger and only changes through
-- maintenance; the wijk must belong to it (update_my_profile checked this, the API did not).
-- In WITH CHECK, my_municipality_id() still reads the row as it was before this update.
drop policy "People update their own profile" on public.profiles;
create policy "People update their own profile" on public.profiles
	for update to authenticated
	using (id = (select auth.uid()))
	with check (
		id = (select auth.uid())
		and municipality_id = (select public.my_municipality_id())
		and (
			district_id is null
			or exists (
				select 1 from public.districts d
				where d.id = profiles.district_id and d.municipality_id = profiles.municipality_id
			)
		)
	);
