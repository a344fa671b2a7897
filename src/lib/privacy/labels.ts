// How the processing register's stored values read on screen and in exports, in Dutch.
export const LEGAL_BASIS_LABELS: Record<string, string> = {
	consent: 'Toestemming (AVG art. 6 lid 1 sub a)',
	contract: 'Overeenkomst (AVG art. 6 lid 1 sub b)',
	legal_obligation: 'Wettelijke plicht (AVG art. 6 lid 1 sub c)',
	vital_interests: 'Vitaal belang (AVG art. 6 lid 1 sub d)',
	public_task: 'Taak van algemeen belang (AVG art. 6 lid 1 sub e)',
	legitimate_interests: 'Gerechtvaardigd belang (AVG art. 6 lid 1 sub f)'
};

export const AREA_LABELS: Record<string, string> = {
	platform: 'Algemeen',
	buurthulp: 'Buurthulp',
	mantelzorg: 'Mantelzorgwaardering',
	buurthuizen: 'Buurthuizen'
};
