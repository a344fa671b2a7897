// The QR code of a cheque as inline SVG, made on the server so the page needs no script for it.
// It holds exactly the normalised code, which the counter's scanner reads (mz-counter's /winkel).
import QRCode from 'qrcode';

export async function chequeQrSvg(code: string, label: string): Promise<string> {
	const svg = await QRCode.toString(code, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2,
		color: { dark: '#000000', light: '#ffffff' }
	});
	const safeLabel = label.replace(/[<>&"]/g, '');
	return svg.replace('<svg ', `<svg role="img" aria-label="${safeLabel}" focusable="false" `);
}
