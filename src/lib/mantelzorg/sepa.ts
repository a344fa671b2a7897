// The payout of a reimbursement batch as a SEPA credit transfer file (pain.001.001.03, built with
// the `sepa` package) and as a CSV for the municipality's own books. Money stays integer cents
// until the moment it is written as euros.
import SEPA from 'sepa';

export interface PayoutLine {
	/** The creditor: the shop's account holder name. */
	creditorName: string;
	creditorIban: string;
	amountCents: number;
	/** Shown on the shop's bank statement, e.g. "Mantelzorgwaardering 2026-11 Boekhandel". */
	remittance: string;
	/** Unique per payment; the batch id and the shop keep it traceable. */
	endToEndId: string;
}

export interface Payout {
	/** Unique per file (max 35 characters): the bank refuses a second file with the same id. */
	messageId: string;
	createdAt: Date;
	/** yyyy-mm-dd */
	executionDate: string;
	debtorName: string;
	debtorIban: string;
	debtorBic?: string;
	lines: PayoutLine[];
}

/** SEPA allows a restricted Latin character set; names and texts are cut to its lengths. */
export function sepaText(value: string, max: number): string {
	const plain = value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[\u2010-\u2015]/g, '-')
		.replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.slice(0, max) || '-';
}

export const euros = (cents: number) => (cents / 100).toFixed(2);

export const totalCents = (payout: Pick<Payout, 'lines'>) =>
	payout.lines.reduce((sum, line) => sum + line.amountCents, 0);

export function painXml(payout: Payout): string {
	if (payout.lines.length === 0) throw new Error('A payment file needs at least one payment.');
	for (const line of payout.lines) {
		if (!Number.isInteger(line.amountCents) || line.amountCents <= 0) {
			throw new Error('Every payment needs a positive amount in whole cents.');
		}
	}
	const doc = new SEPA.Document('pain.001.001.03');
	doc.grpHdr.id = sepaText(payout.messageId, 35);
	doc.grpHdr.created = payout.createdAt;
	doc.grpHdr.initiatorName = sepaText(payout.debtorName, 70);

	const info = doc.createPaymentInfo();
	info.requestedExecutionDate = new Date(`${payout.executionDate}T12:00:00Z`);
	info.debtorIBAN = payout.debtorIban;
	if (payout.debtorBic) info.debtorBIC = payout.debtorBic;
	info.debtorName = sepaText(payout.debtorName, 70);
	doc.addPaymentInfo(info);

	for (const line of payout.lines) {
		const tx = info.createTransaction();
		tx.creditorName = sepaText(line.creditorName, 70);
		tx.creditorIBAN = line.creditorIban;
		tx.amount = line.amountCents / 100;
		tx.remittanceInfo = sepaText(line.remittance, 140);
		tx.end2endId = sepaText(line.endToEndId, 35);
		info.addTransaction(tx);
	}
	return doc.toString();
}

const csvCell = (value: string | number) => {
	const text = String(value);
	// A leading = + - @ would run as a formula in a spreadsheet.
	const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
	return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Semicolon-separated with a decimal comma, as Dutch spreadsheets open it. */
export function payoutCsv(payout: Payout): string {
	const header = ['Kenmerk', 'Begunstigde', 'IBAN', 'Bedrag', 'Omschrijving', 'Uitvoerdatum'];
	const rows = payout.lines.map((line) => [
		line.endToEndId,
		line.creditorName,
		line.creditorIban,
		euros(line.amountCents).replace('.', ','),
		line.remittance,
		payout.executionDate
	]);
	rows.push(['Totaal', '', '', euros(totalCents(payout)).replace('.', ','), '', '']);
	return [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
