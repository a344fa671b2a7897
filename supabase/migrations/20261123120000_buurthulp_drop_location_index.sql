-- Only the old "Voor jou" filtered help_requests by latitude and longitude; since requests sit on
-- their wijk's point and the ranking works by wijk (20261123100000), nothing reads this index,
-- and every write of a request still paid for it.
drop index public.help_requests_open_location_idx;
