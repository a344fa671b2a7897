// The QR code of a cheque as inline SVG, made on the server so the page needs no script for it.
// It holds exactly the normalised code, which the counter's scanner reads (mz-counter's /winkel).
import { qrSvg } from '../qr';

export const chequeQrSvg = (code: string, label: string): Promise<string> => qrSvg(code, label);
