// A QR code as inline SVG, made on the server so the page needs no script for it: a cheque's code
// (Mantelzorgwaardering), the address of a buurthuis on its printed week programme.
import QRCode from 'qrcode';

export async function qrSvg(text: string, label: string): Promise<string> {
	const svg = await QRCode.toString(text, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2,
		color: { dark: '#000000', light: '#ffffff' }
	});
	const safeLabel = label.replace(/[<>&"]/g, '');
	return svg.replace('<svg ', `<svg role="img" aria-label="${safeLabel}" focusable="false" `);
}
