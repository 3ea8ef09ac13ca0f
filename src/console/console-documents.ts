import { validationFailed } from '../common/domain-error.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import type { HttpReply } from '../common/http/http.js';
import { DOCUMENT_TYPES, type DocumentType } from '../config/config.js';
import { documentTooLarge } from '../documents/document-files.js';
import type { DocumentFile, DocumentsService, DocumentView } from '../documents/documents.service.js';
import type { UploadedForm } from './http/console-upload.js';

/** An upload from the console's form (fields `type`, `file`) through the API's DocumentsService. */
export function uploadFromForm(
  documents: DocumentsService,
  user: AuthUser,
  who: string | 'me',
  body: Record<string, unknown> | undefined,
  file: UploadedForm | undefined,
): Promise<DocumentView> {
  if (file?.tooLarge) throw documentTooLarge();
  const type = typeof body?.type === 'string' ? body.type : '';
  if (!(DOCUMENT_TYPES as readonly string[]).includes(type))
    throw validationFailed([{ field: 'type', messages: ['type must be a document type'] }]);
  if (!file || file.size === 0) throw validationFailed([{ field: 'file', messages: ['file must be sent'] }]);
  return documents.upload(user, who, type as DocumentType, file.buffer);
}

/** A document's file, as the API's GET /documents/:id/file sends it (never cached, never sniffed). */
/** The card as a PDF, as the API's GET /cards/:id/pdf sends it. */
export function sendCardPdf(res: HttpReply, pdf: { number: string; bytes: Buffer }): void {
  res.header('Content-Type', 'application/pdf');
  res.header(
    'Content-Disposition',
    `attachment; filename="kartu-ak1-${pdf.number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf"`,
  );
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Cache-Control', 'private, no-store');
  res.send(pdf.bytes);
}

export function sendDocumentFile(res: HttpReply, file: DocumentFile): void {
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[file.contentType];
  const disposition = file.contentType === 'application/pdf' ? 'attachment' : 'inline';
  res.header('Content-Type', file.contentType);
  res.header('Content-Disposition', `${disposition}; filename="${file.type.toLowerCase()}.${ext}"`);
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Cache-Control', 'private, no-store');
  res.send(file.bytes);
}
