// The figures a municipality enters for the monitor (public.monitor_reference_key), with their words.
export const REFERENCE_FIELDS = [
	{ key: 'population', label: 'Inwoners', hint: 'Voor vergelijkingen per 10.000 inwoners.' },
	{ key: 'carers_reached', label: 'Mantelzorgers bereikt' },
	{ key: 'young_carers_reached', label: 'Jonge mantelzorgers bereikt (Pluim)' },
	{ key: 'shops_taking_part', label: 'Winkels die meededen' },
	{ key: 'budget_cents', label: 'Budget mantelzorgwaardering in euro', euros: true },
	{ key: 'community_centres', label: 'Buurthuizen' },
	{ key: 'help_requests_posted', label: 'Hulpvragen geplaatst' }
] as const;
