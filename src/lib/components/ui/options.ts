// Options for the kit's select fields and checkbox groups, from the rows pages load.

/** Rows with an id and a name (wijken, buurthuizen) as choices: the id is posted, the name shown. */
export const optionsOf = (rows: readonly { id: string; name: string }[]) =>
	rows.map((row) => ({ value: row.id, label: row.name }));
