-- Buurthulp: two things people were not told (issue 9, part 7).
-- A volunteer hears about a bedankje, and the author of a request or offer that a coordinator hid
-- hears that it was hidden and where to read why. Both are triggers on the rows that record the
-- event, so every path that thanks or hides (today one function each) sends the mail. As with
-- every notification, the mail holds no message text: it links to the page.

insert into public.notification_kinds (kind, area) values
	('thanks_received', 'buurthulp'),
	('content_hidden', 'buurthulp');

create or replace function public.notify_on_thanks() returns trigger language plpgsql security definer set search_path = '' as $$
begin
	perform public.notify(new.municipality_id, new.volunteer_id, 'thanks_received',
		jsonb_build_object('match_id', new.match_id));
	return new;
end;
$$;
revoke all on function public.notify_on_thanks() from public, anon, authenticated;
create trigger thanks_notify after insert on public.thanks
	for each row execute function public.notify_on_thanks();

-- Only a hide of a request or an offer is told to its author; unhiding and messages are not.
create or replace function public.notify_on_hide() returns trigger language plpgsql security definer set search_path = '' as $$
declare
	v_author uuid;
	v_title text;
begin
	if new.action <> 'hide' then
		return new;
	end if;
	if new.target_type = 'help_request' then
		select coalesce(r.requester_id, r.created_by), r.title into v_author, v_title
		from public.help_requests r where r.id = new.target_id;
	elsif new.target_type = 'help_offer' then
		select o.volunteer_id, o.title into v_author, v_title
		from public.help_offers o where o.id = new.target_id;
	else
		return new;
	end if;
	perform public.notify(new.municipality_id, v_author, 'content_hidden',
		jsonb_build_object('target_type', new.target_type, 'title', v_title));
	return new;
end;
$$;
revoke all on function public.notify_on_hide() from public, anon, authenticated;
create trigger moderation_actions_notify after insert on public.moderation_actions
	for each row execute function public.notify_on_hide();
