import { DomainError, validationFailed } from '../common/domain-error.js';
import type { HttpRequest } from '../common/http/http.js';
import { DOCUMENT_TYPES, type DocumentType } from '../config/config.js';
import { documentTooLarge, MAX_DOCUMENT_BYTES } from './document-files.js';

export interface DocumentForm {
  type: DocumentType;
  bytes: Buffer;
}

const unsupportedMediaType = () =>
  new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the document as multipart/form-data with `type` and `file`.');

/**
 * Reads an upload's multipart form (fields `type` and `file`), the file into memory and at most
 * MAX_DOCUMENT_BYTES of it: a larger one is 413, a form without a known type or a file is 400.
 * (@fastify/multipart is registered in http-setup.ts with a 1 MiB file limit; this route asks for 2 MiB.)
 */
export async function readDocumentForm(req: HttpRequest): Promise<DocumentForm> {
  if (!req.isMultipart()) throw unsupportedMediaType();
  let type: string | undefined;
  let bytes: Buffer | undefined;
  try {
    const parts = req.parts({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, parts: 6 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.fieldname === 'file') bytes = buffer;
      } else if (part.fieldname === 'type' && typeof part.value === 'string') {
        type = part.value.trim().toUpperCase();
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw documentTooLarge();
    throw validationFailed([{ field: 'file', messages: ['the multipart form could not be read'] }]);
  }
  const issues = [];
  if (!type || !(DOCUMENT_TYPES as readonly string[]).includes(type))
    issues.push({ field: 'type', messages: [`type must be one of: ${DOCUMENT_TYPES.join(', ')}`] });
  if (!bytes || bytes.length === 0) issues.push({ field: 'file', messages: ['file must be sent (JPEG, PNG or PDF)'] });
  if (issues.length > 0) throw validationFailed(issues);
  return { type: type as DocumentType, bytes: bytes! };
}
