-- Mantelzorgwaardering, printed letters: the print-queue page in one read. letter_queue (in
-- *_mantelzorg.sql) lists what waits; this adds what a letter prints beside it (the scheme's
-- year, the municipality's name) and the participating shops, so the page and its PDF cost one
-- call. No table: the queue's state lives on cheques (letter_printed_at, reminder_letter_printed_at).

create or replace function public.letter_print_page() returns jsonb language plpgsql stable security definer set search_path = '' as $$
declare
	v_municipality uuid := public.my_municipality_id();
	v_queue jsonb;
begin
	-- letter_queue refuses everyone but the municipality's admins.
	v_queue := public.letter_queue();
	return jsonb_build_object(
		'municipality_name', (select m.name from public.municipalities m where m.id = v_municipality),
		'letters', coalesce((
			select jsonb_agg(q.letter || jsonb_build_object('scheme_year', s.year) order by q.ord)
			from jsonb_array_elements(v_queue) with ordinality as q (letter, ord)
			join public.cheques c on c.id = (q.letter ->> 'cheque_id')::uuid
			join public.schemes s on s.id = c.scheme_id
		), '[]'::jsonb),
		'shops', public.approved_shops(v_municipality, null, null) -> 'shops'
	);
end;
$$;
revoke all on function public.letter_print_page() from public;
grant execute on function public.letter_print_page() to authenticated;

select public.add_timestamp_triggers();
