import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { chequeQrSvg } from './qr';

describe('cheque QR', () => {
	it('is an labelled SVG image', async () => {
		const svg = await chequeQrSvg('ABCDEFGHJKMNPQR5', 'QR-code van je cheque "x"');
		expect(svg.startsWith('<svg role="img" aria-label="QR-code van je cheque x"')).toBe(true);
	});

	it('scans back to exactly the code', () => {
		// The same settings as the SVG, drawn as pixels, read by the scanner library the counter uses.
		const { modules } = QRCode.create('ABCDEFGHJKMNPQR5', { errorCorrectionLevel: 'M' });
		const scale = 8;
		const side = (modules.size + 8) * scale;
		const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
		for (let y = 0; y < side; y++) {
			for (let x = 0; x < side; x++) {
				const row = Math.floor(y / scale) - 4;
				const col = Math.floor(x / scale) - 4;
				const dark =
					row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
				if (dark) pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
			}
		}
		expect(jsQR(pixels, side, side)?.data).toBe('ABCDEFGHJKMNPQR5');
	});
});
