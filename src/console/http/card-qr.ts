import { credentialQrSvg } from '../../card-validation/credential-qr.js';
import { requestOrigin, type HttpRequest } from '../../common/http/http.js';

/** The QR of a card: the public check page's URL with the compact credential, as SVG markup. */
export async function cardQr(req: HttpRequest, credential: { token: string; code: string | null }): Promise<string> {
  return credentialQrSvg(requestOrigin(req), credential.token, credential.code);
}
