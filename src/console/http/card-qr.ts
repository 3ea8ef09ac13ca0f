import type { Request } from 'express';
import { toString as qrSvg } from 'qrcode';

/** The QR of a card: the public check page's URL with the signed credential, as SVG markup. */
export async function cardQr(req: Request, token: string): Promise<string> {
  const url = `${req.protocol}://${req.get('host') ?? 'localhost'}/cek-kartu?t=${encodeURIComponent(token)}`;
  return qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
