-- Hosted Supabase (and `supabase start`) grants every new function in public to anon and
-- authenticated through the default privileges of the role that runs migrations; the embedded
-- Supabase grants none. Our functions revoke from PUBLIC and grant to whom they mean, so on a
-- hosted project these stayed callable by anyone as well (notify: a mail to anyone;
-- block_account, the board's and the counter's functions: refused inside, but reachable).
-- From now on new functions get no such grant, and the ones already there lose it. Skips a
-- function a later-landed migration has since replaced (to_regprocedure is null).
-- tests/integration/platform/hosted-grants.pg.test.ts applies the migrations under hosted
-- defaults and compares every function's callers with this run's own database.
alter default privileges in schema public revoke execute on functions from anon, authenticated;

do $$
declare
	v_fn text;
begin
	foreach v_fn in array array[
		'public.accept_response(uuid)',
		'public.answer_followup(uuid,text,text)',
		'public.answer_question(uuid,text)',
		'public.ask_question(uuid,text)',
		'public.assert_help_request_fits(text,text,text,text,text,text,text,text)',
		'public.block_account(uuid,text,boolean)',
		'public.callback_checks_page()',
		'public.cancel_activity(uuid,text,boolean)',
		'public.cancel_help_request(uuid)',
		'public.cancel_registration(uuid,date)',
		'public.cheque_receipts(uuid)',
		'public.complete_match(uuid,text)',
		'public.coordination_page()',
		'public.coordination_request_page(uuid)',
		'public.copy_activity(uuid,date)',
		'public.create_activity(uuid,text,text,text,text,timestamp with time zone,timestamp with time zone,text,date,integer,boolean,integer,uuid,boolean)',
		'public.current_viewer()',
		'public.dismiss_report(uuid,text)',
		'public.draw_callback_sample(integer)',
		'public.enter_application_for_carer(text,text,date,text,text,text,text,text,integer,date,boolean,uuid,text,text)',
		'public.find_person_by_email(text)',
		'public.grant_role_by_email(text,text,uuid)',
		'public.help_match_page(uuid)',
		'public.help_request_edit_page(uuid)',
		'public.help_requests_check_input()',
		'public.hidden_reason(text,uuid)',
		'public.hide_content(text,uuid,text,boolean)',
		'public.invite_volunteer(uuid,uuid)',
		'public.is_acting_for(uuid)',
		'public.is_blocked()',
		'public.is_caseworker_for(uuid,uuid)',
		'public.is_caseworker_for_application(uuid)',
		'public.is_match_participant(uuid)',
		'public.is_matched_volunteer_for(uuid)',
		'public.is_matched_volunteer_of(uuid)',
		'public.is_open_for_reactions(uuid,uuid)',
		'public.lookup_cheque(uuid,text)',
		'public.mantelzorg_dashboard(integer)',
		'public.mark_letters_printed(uuid[],text)',
		'public.matched_volunteer_phone(uuid)',
		'public.may_edit_help_request(uuid,uuid,uuid)',
		'public.my_carer_page()',
		'public.my_help_page()',
		'public.my_municipality_id()',
		'public.my_offers_page()',
		'public.my_profile_page()',
		'public.notify(uuid,uuid,text,jsonb)',
		'public.owns_shop(uuid)',
		'public.points_report(date,date,uuid)',
		'public.post_help_request(uuid,text,text,text,text,text,date,date,text,integer,text,text,boolean,text,text,boolean)',
		'public.record_callback_outcome(uuid,text,text)',
		'public.redeem_cheque(uuid,text,integer,uuid,boolean)',
		'public.register_for_activity(uuid,date)',
		'public.register_shop(text,text,text,text,text,uuid,text,text,text,text,text,text,text)',
		'public.report_content(text,uuid,text)',
		'public.report_target_page(text,uuid)',
		'public.revoke_role(uuid)',
		'public.role_admin_page()',
		'public.save_social_goal(uuid,uuid,text,text,integer,boolean)',
		'public.save_volunteer_profile(uuid,text[],uuid[],integer,integer,integer,boolean,text)',
		'public.shop_admin_page()',
		'public.shop_redemptions_page(uuid,integer)',
		'public.strip_bidi_display_name()',
		'public.strip_bidi_resident_name()',
		'public.strip_bidi_title()',
		'public.submit_application(text,text,date,text,text,text,text,text,integer,date,boolean,text,uuid)',
		'public.suggest_requests_for_me(integer)',
		'public.suggest_volunteers_for_request(uuid,integer)',
		'public.update_activity(uuid,text,text,text,text,timestamp with time zone,timestamp with time zone,text,date,integer,boolean,integer,uuid,boolean)',
		'public.update_help_request(uuid,uuid,text,text,text,text,text,date,date,text,integer,text,text)',
		'public.update_my_profile(text,uuid,text,text,text,text)',
		'public.volunteer_load()',
		'public.volunteer_profile_page()',
		'public.voor_jou_page(integer)'
	]
	loop
		if to_regprocedure(v_fn) is not null then
			execute format('revoke execute on function %s from anon', v_fn);
		end if;
	end loop;
	foreach v_fn in array array[
		'public.help_requests_check_input()',
		'public.notify(uuid,uuid,text,jsonb)',
		'public.strip_bidi_display_name()',
		'public.strip_bidi_resident_name()',
		'public.strip_bidi_title()'
	]
	loop
		if to_regprocedure(v_fn) is not null then
			execute format('revoke execute on function %s from authenticated', v_fn);
		end if;
	end loop;
end;
$$;
