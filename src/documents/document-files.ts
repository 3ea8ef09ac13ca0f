import sharp from 'sharp';
import { DomainError } from '../common/domain-error.js';
import type { DocumentContentType } from './seeker-document.entity.js';

/** At most 2 MiB per file, as sent (api.md, "Seeker documents"). */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** Longest side of a stored image: enough to read a KTP or a diploma, small enough for a phone. */
export const MAX_IMAGE_SIDE = 2000;
const JPEG_QUALITY = 85;

export const unsupportedFileType = (message = 'The file must be a JPEG or PNG image or a PDF document.') =>
  new DomainError(400, 'UNSUPPORTED_FILE_TYPE', message);

export const documentTooLarge = () =>
  new DomainError(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB.`);

/** What the bytes are, judged by their first bytes (never by the name or the sender's content type). */
export function sniffContentType(bytes: Buffer): DocumentContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * The bytes to keep: an image decoded and encoded again by sharp — turned upright by its EXIF
 * orientation, at most MAX_IMAGE_SIDE px, every metadata block (EXIF with its GPS position and camera,
 * XMP, IPTC, comments) left behind — and a PDF as sent (docs/documents.md says why); an encrypted PDF is
 * refused, since an officer could not open it.
 */
export async function normalizeDocument(bytes: Buffer): Promise<{ contentType: DocumentContentType; bytes: Buffer }> {
  const contentType = sniffContentType(bytes);
  if (!contentType) throw unsupportedFileType();
  if (contentType === 'application/pdf') {
    if (bytes.includes('/Encrypt')) throw unsupportedFileType('A password-protected PDF cannot be accepted.');
    return { contentType, bytes };
  }
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    const out =
      contentType === 'image/jpeg'
        ? await image.jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer()
        : await image.png({ compressionLevel: 9 }).toBuffer();
    return { contentType, bytes: out };
  } catch {
    throw unsupportedFileType('The image could not be read; please send it again or take a new photo.');
  }
}
