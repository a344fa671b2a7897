-- Buurthulp: the poster (or a coordinator acting for a resident) corrects an open request: a
-- typo, another date, another wijk. One read for the form and one atomic write. There is no
-- UPDATE policy on help_requests on purpose: through the API a poster could otherwise set any
-- column (status, hidden_at, the public point); this function changes only what the form shows.

-- Who may edit: the requester, whoever posted it, and for a resident without an account any
-- coordinator of the municipality (they act for that resident). A coordinator does not rewrite
-- the words of a resident who has an account: they hide a post instead, which is logged.
create or replace function public.may_edit_help_request(
	p_requester_id uuid,
	p_created_by uuid,
	p_municipality_id uuid
) returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select (select auth.uid()) is not null and (
		p_requester_id = (select auth.uid())
		or p_created_by = (select auth.uid())
		or (p_requester_id is null and public.has_role('coordinator', p_municipality_id))
	);
$$;
revoke all on function public.may_edit_help_request(uuid, uuid, uuid) from public;
grant execute on function public.may_edit_help_request(uuid, uuid, uuid) to authenticated;

-- The form's values and wijken, or null when the caller may not edit this request. 'editable'
-- is false (with the reason) for a request that is matched, closed or hidden by a coordinator.
create or replace function public.help_request_edit_page(p_request_id uuid) returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	v_request public.help_requests%rowtype;
	v_street text;
begin
	select * into v_request from public.help_requests where id = p_request_id;
	if not found or not public.may_edit_help_request(v_request.requester_id, v_request.created_by, v_request.municipality_id) then
		return null;
	end if;
	select c.street_address into v_street from public.help_request_contacts c where c.request_id = p_request_id;
	return jsonb_build_object(
		'request', jsonb_build_object(
			'id', v_request.id, 'category', v_request.category, 'title', v_request.title,
			'description', v_request.description, 'district_id', v_request.district_id,
			'postcode_area', v_request.postcode_area, 'street_address', v_street,
			'when_kind', v_request.when_kind, 'starts_on', v_request.starts_on, 'ends_on', v_request.ends_on,
			'day_part', v_request.day_part, 'duration_minutes', v_request.duration_minutes,
			'recurrence', v_request.recurrence, 'on_behalf', v_request.requester_id is null
		),
		'editable', v_request.status = 'open' and v_request.hidden_at is null,
		'reason', case
			when v_request.hidden_at is not null then 'hidden'
			when v_request.status <> 'open' then 'not_open'
		end,
		'districts', coalesce((
			select jsonb_agg(jsonb_build_object('id', d.id, 'name', d.name) order by d.name)
			from public.districts d where d.municipality_id = v_request.municipality_id
		), '[]'::jsonb)
	);
end;
$$;
revoke all on function public.help_request_edit_page(uuid) from public;
grant execute on function public.help_request_edit_page(uuid) to authenticated;

-- Changes what the poster wrote; status, who posted it and moderation stay as they are. The
-- public point follows the wijk, as when posting. The row lock makes an edit and an accept of a
-- reaction at the same moment queue: whichever comes second sees the other's result.
create or replace function public.update_help_request(
	p_request_id uuid,
	p_district_id uuid,
	p_category text,
	p_title text,
	p_description text,
	p_postcode_area text,
	p_when_kind text,
	p_starts_on date,
	p_ends_on date,
	p_day_part text,
	p_duration_minutes integer,
	p_recurrence text,
	p_street_address text default null
) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_request public.help_requests%rowtype;
	v_district public.districts%rowtype;
begin
	select * into v_request from public.help_requests where id = p_request_id for update;
	if not found or not public.may_edit_help_request(v_request.requester_id, v_request.created_by, v_request.municipality_id) then
		raise exception 'forbidden' using errcode = '42501';
	end if;
	if public.is_blocked() then
		raise exception 'account_blocked' using errcode = '42501';
	end if;
	if v_request.hidden_at is not null then
		raise exception 'request_hidden' using errcode = 'P0001';
	end if;
	if v_request.status <> 'open' then
		raise exception 'request_not_open' using errcode = 'P0001';
	end if;
	select * into v_district from public.districts
		where id = p_district_id and municipality_id = v_request.municipality_id;
	if not found then
		raise exception 'district_not_found' using errcode = '22023';
	end if;

	update public.help_requests set
		district_id = v_district.id,
		category = p_category,
		title = trim(p_title),
		description = trim(p_description),
		postcode_area = nullif(p_postcode_area, ''),
		latitude = round(v_district.latitude::numeric, 2)::double precision,
		longitude = round(v_district.longitude::numeric, 2)::double precision,
		when_kind = p_when_kind,
		starts_on = p_starts_on,
		ends_on = p_ends_on,
		day_part = coalesce(p_day_part, 'any'),
		duration_minutes = p_duration_minutes,
		recurrence = coalesce(p_recurrence, 'once')
	where id = p_request_id;

	-- The exact address lives only in the private details; a resident without an account keeps
	-- the name and phone the coordinator registered.
	insert into public.help_request_contacts (request_id, municipality_id, created_by, street_address)
	values (p_request_id, v_request.municipality_id, v_request.created_by, nullif(trim(p_street_address), ''))
	on conflict (request_id) do update set street_address = excluded.street_address;
end;
$$;
revoke all on function public.update_help_request(uuid, uuid, text, text, text, text, text, date, date, text, integer, text, text) from public;
grant execute on function public.update_help_request(uuid, uuid, text, text, text, text, text, date, date, text, integer, text, text) to authenticated;
