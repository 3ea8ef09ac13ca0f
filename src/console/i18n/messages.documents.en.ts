import type { DOCUMENTS_ID } from './messages.documents.id.js';

/** English texts of the documents checklist. */
export const DOCUMENTS_EN: Record<keyof typeof DOCUMENTS_ID, string> = {
  'doc.title': 'Required documents',
  'doc.intro':
    'Upload these documents so that your AK1 card request can be approved. A photo from your phone camera or a PDF, at most 2 MB. Location data in photos is removed automatically.',
  'doc.officerIntro':
    'Check each document, then verify it or reject it with a reason. Approving the card also verifies the uploaded documents.',
  'doc.complete': 'All required documents are in.',
  'doc.incomplete': 'Still missing: {missing}.',
  'doc.noChecklist': 'This office requires no documents for the AK1 card.',
  'doc.missing': 'Not uploaded yet',
  'doc.rejectedBecause': 'Rejected: {reason}',
  'doc.view': 'View document',
  'doc.upload': 'Upload',
  'doc.uploadAgain': 'Upload again',
  'doc.file': 'File (photo or PDF, max. 2 MB)',
  'doc.type': 'Document type',
  'doc.other': 'Other document',
  'doc.verify': 'Verify',
  'doc.reject': 'Reject document',
  'doc.or': ' or ',
  'doc.status.SUBMITTED': 'Waiting to be checked',
  'doc.status.VERIFIED': 'Verified',
  'doc.status.REJECTED': 'Rejected',
  'doc.type.KTP': 'Identity card (KTP)',
  'doc.type.IJAZAH': 'Diploma',
  'doc.type.SKL': 'Graduation letter',
  'doc.type.TRANSKRIP': 'Transcript',
  'doc.type.PAS_FOTO': 'Passport photo 3×4',
  'doc.type.SURAT_DOMISILI': 'Domicile letter',
  'doc.type.LAINNYA': 'Other document',
  'ok.documentUploaded': 'The document was uploaded.',
  'ok.documentVerified': 'The document is verified.',
  'ok.documentRejected': 'The document was rejected; the job seeker has been told.',
  'error.DOCUMENTS_INCOMPLETE':
    'The card cannot be approved yet: required documents are missing. See the list of documents on the job seeker’s or the request’s page: upload what is missing, or ask the job seeker to upload it.',
  'error.UNSUPPORTED_FILE_TYPE':
    'The file cannot be accepted. Send a photo (JPEG or PNG) or a PDF without a password; for a photo, try taking it again.',
  'error.PAYLOAD_TOO_LARGE': 'The file is too large. The limit is 2 MB.',
  'fielderr.file': 'Choose a photo or PDF file.',
  'fielderr.type': 'Choose the document type.',
  'auditAction.document.uploaded': 'Document uploaded',
  'auditAction.document.verified': 'Document verified',
  'auditAction.document.rejected': 'Document rejected',
  'doc.purged': 'The file was deleted after {days} days; please upload it again.',
  'error.DOCUMENT_PURGED':
    'This document’s file was deleted because it was rejected and not replaced; please upload it again.',
  'auditAction.document.purged': 'Rejected document’s file deleted',
};
