-- Input checks found by new residents (issue 9, part 7), kept in the database so a direct API
-- call meets them too:
--   * a wijk knows its postcode areas (the 4 digits), and a hulpvraag's postcode must be one of
--     them: "9999 ZZ" in Zaandam-West was accepted. A wijk without areas checks nothing, so a
--     municipality can fill them in later. The values themselves are reference data (seed.sql);
--     Zaanstad's there are plausible demo ranges, not the official PC4 map.
--   * a hulpvraag's dates lie within a year from today: a range "until 2099" kept it open forever.
--   * bidirectional override characters (U+202A–U+202E, U+2066–U+2069) are removed from names and
--     titles: they make a title read differently from what it says ("gpj.exe" shown as "exe.jpg").

alter table public.districts
	add column postcode_areas smallint[] not null default '{}'
	check (1000 <= all (postcode_areas) and 9999 >= all (postcode_areas));

create or replace function public.strip_bidi_controls(p_text text) returns text
language sql immutable set search_path = '' as $$
	select translate(p_text, U&'\202A\202B\202C\202D\202E\2066\2067\2068\2069', '');
$$;

create or replace function public.help_requests_check_input() returns trigger language plpgsql set search_path = '' as $$
declare
	v_areas smallint[];
begin
	new.title := public.strip_bidi_controls(new.title);
	if new.postcode_area is not null then
		select d.postcode_areas into v_areas from public.districts d where d.id = new.district_id;
		if cardinality(v_areas) > 0 and not (new.postcode_area::smallint = any (v_areas)) then
			raise exception 'postcode_not_in_district' using errcode = 'P0001';
		end if;
	end if;
	if coalesce(new.ends_on, new.starts_on) > current_date + 366
		or new.starts_on > current_date + 366 then
		raise exception 'date_too_far' using errcode = 'P0001';
	end if;
	return new;
end;
$$;

create trigger help_requests_check_input
	before insert or update of title, postcode_area, district_id, starts_on, ends_on
	on public.help_requests for each row execute function public.help_requests_check_input();

create or replace function public.strip_bidi_title() returns trigger language plpgsql set search_path = '' as $$
begin
	new.title := public.strip_bidi_controls(new.title);
	return new;
end;
$$;

create trigger help_offers_strip_bidi before insert or update of title
	on public.help_offers for each row execute function public.strip_bidi_title();

create or replace function public.strip_bidi_display_name() returns trigger language plpgsql set search_path = '' as $$
begin
	new.display_name := public.strip_bidi_controls(new.display_name);
	return new;
end;
$$;

create trigger profiles_strip_bidi before insert or update of display_name
	on public.profiles for each row execute function public.strip_bidi_display_name();

create or replace function public.strip_bidi_resident_name() returns trigger language plpgsql set search_path = '' as $$
begin
	new.resident_name := public.strip_bidi_controls(new.resident_name);
	return new;
end;
$$;

create trigger help_request_contacts_strip_bidi before insert or update of resident_name
	on public.help_request_contacts for each row execute function public.strip_bidi_resident_name();

revoke all on function public.help_requests_check_input() from public;
revoke all on function public.strip_bidi_title() from public;
revoke all on function public.strip_bidi_display_name() from public;
revoke all on function public.strip_bidi_resident_name() from public;
