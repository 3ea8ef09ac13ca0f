import { create as qrCreate, toBuffer as qrPngBuffer, toString as qrSvg, type QRCodeSegment } from 'qrcode';

/**
 * The QR code of a card (decision 56): a link to the public check page carrying the compact credential,
 * `<origin>/cek-kartu?c=<BASE32>`. The link is a byte segment and the code an alphanumeric one (5.5 bits
 * a character instead of 8), error correction M: with a 30-character origin a version 8 symbol, 49 × 49
 * modules (the JWS link was version 19, 91 × 91). A card whose id cannot be written compactly (not a
 * UUID) gets the JWS link, `?t=`, as before.
 */
export function credentialQrSegments(origin: string, token: string, code: string | null): QRCodeSegment[] {
  if (code)
    return [
      { data: Buffer.from(`${origin}/cek-kartu?c=`), mode: 'byte' },
      { data: code, mode: 'alphanumeric' },
    ];
  return [{ data: Buffer.from(`${origin}/cek-kartu?t=${encodeURIComponent(token)}`), mode: 'byte' }];
}

const QR_OPTIONS = { errorCorrectionLevel: 'M' } as const;

/** The QR as a PNG (4 pixels a module, the standard 4-module quiet zone). */
export function credentialQrPng(origin: string, token: string, code: string | null): Promise<Buffer> {
  return qrPngBuffer(credentialQrSegments(origin, token, code), { ...QR_OPTIONS, type: 'png', margin: 4, scale: 4 });
}

/** The QR as SVG markup, for the console's card page. */
export function credentialQrSvg(origin: string, token: string, code: string | null): Promise<string> {
  return qrSvg(credentialQrSegments(origin, token, code), { ...QR_OPTIONS, type: 'svg', margin: 1 });
}

/** The symbol's version and size in modules (for tests and documentation). */
export function credentialQrVersion(origin: string, token: string, code: string | null) {
  const qr = qrCreate(credentialQrSegments(origin, token, code), QR_OPTIONS);
  return { version: qr.version, modules: qr.modules.size };
}
