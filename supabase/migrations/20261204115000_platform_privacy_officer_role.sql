-- The privacy officer (functionaris gegevensbescherming) of a municipality: reads the processing
-- register and searches the processing log (issue 20). Its own migration, because a new enum
-- value can only be used once the transaction that added it has committed.

alter type public.membership_role add value if not exists 'privacy_officer';
