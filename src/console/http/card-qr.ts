import { requestOrigin, type HttpRequest } from '../../common/http/http.js';
import { toString as qrSvg } from 'qrcode';

/** The QR of a card: the public check page's URL with the signed credential, as SVG markup. */
export async function cardQr(req: HttpRequest, token: string): Promise<string> {
  const url = `${requestOrigin(req)}/cek-kartu?t=${encodeURIComponent(token)}`;
  return qrSvg(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
