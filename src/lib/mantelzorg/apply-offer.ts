// What /mantelzorg/mijn says about applying (issue 16.7): after this year's application it no
// longer offers the same application as if none was made; it says which one there is and offers
// another only for someone else the carer looks after.

export interface ApplyOffer {
	/** The link text, or null when the scheme is closed. */
	link: string | null;
	/** A sentence before the link about this year's application(s), or null when there is none. */
	already: string | null;
}

export function applyOffer(
	openScheme: { year: number } | null,
	applications: { schemeYear: number; status: string }[]
): ApplyOffer {
	if (!openScheme) return { link: null, already: null };
	const thisYear = applications.filter(
		(a) => a.schemeYear === openScheme.year && a.status !== 'rejected'
	);
	if (thisYear.length === 0) {
		return { link: `Vraag de mantelzorgwaardering ${openScheme.year} aan`, already: null };
	}
	return {
		already: `Je hebt de mantelzorgwaardering ${openScheme.year} al aangevraagd; hieronder zie je hoe het ermee staat.`,
		link: `Zorg je ook voor iemand anders? Vraag dan voor die persoon ook aan`
	};
}
