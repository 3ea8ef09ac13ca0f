import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import type { HttpReply, HttpRequest } from '../common/http/http.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { readDocumentForm } from './document-form.js';
import { DocumentsService } from './documents.service.js';
import { RejectDocumentDto, UploadDocumentForm } from './dto/document.dto.js';
import { DocumentReply, DocumentsReply } from './dto/document.reply.js';

const UploadDocs = () => (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
  for (const d of [
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: UploadDocumentForm }),
    ApiCreatedResponse({
      type: DocumentReply,
      description: 'the document, SUBMITTED; it replaces the older of its type',
    }),
    ApiError(
      400,
      'UNSUPPORTED_FILE_TYPE: not a JPEG, PNG or PDF by its bytes, or an unreadable image',
      'VALIDATION_FAILED',
    ),
    ApiError(413, 'PAYLOAD_TOO_LARGE: the file is larger than 2 MiB'),
    ApiError(415, 'UNSUPPORTED_MEDIA_TYPE: send multipart/form-data'),
  ])
    d(target, key, descriptor);
};

/** A seeker's documents for the card's checklist (docs/documents.md). */
@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('seekers/me/documents')
  @Roles('seeker')
  @ApiOperation({ summary: 'Upload one of your documents (multipart: type, file)' })
  @UploadDocs()
  async uploadMine(@CurrentUser() user: AuthUser, @Req() req: HttpRequest) {
    const form = await readDocumentForm(req);
    return this.documents.upload(user, 'me', form.type, form.bytes);
  }

  @Get('seekers/me/documents')
  @Roles('seeker')
  @ApiOperation({ summary: 'Your documents and the checklist a card needs' })
  @ApiOkResponse({ type: DocumentsReply })
  mine(@CurrentUser() user: AuthUser) {
    return this.documents.list(user, 'me');
  }

  @Post('seekers/:id/documents')
  @Roles('officer')
  @ApiOperation({ summary: "Upload a job seeker's document at the counter (officer; multipart: type, file)" })
  @UploadDocs()
  @ApiError(404, 'NOT_FOUND: no such job seeker')
  async upload(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Req() req: HttpRequest) {
    const form = await readDocumentForm(req);
    return this.documents.upload(user, id, form.type, form.bytes);
  }

  @Get('seekers/:id/documents')
  @Roles('officer')
  @ApiOperation({ summary: "A job seeker's documents and checklist (officer)" })
  @ApiOkResponse({ type: DocumentsReply })
  @ApiError(404, 'NOT_FOUND: no such job seeker')
  list(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.documents.list(user, id);
  }

  @Get('documents/:id/file')
  @Roles('seeker', 'officer')
  @ApiOperation({
    summary: 'The file of a document (its seeker or an officer)',
    description:
      'Images inline, PDFs as an attachment; `Cache-Control: private, no-store`, `X-Content-Type-Options: nosniff`.',
  })
  @ApiResponse({
    status: 200,
    description: 'the bytes',
    content: {
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiError(404, "NOT_FOUND: no such document, or another seeker's")
  @ApiError(
    410,
    'DOCUMENT_PURGED: the document was REJECTED and its file deleted after REJECTED_DOCUMENT_RETENTION_DAYS',
  )
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) res: HttpReply,
  ) {
    const file = await this.documents.file(user, id);
    const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[file.contentType];
    const disposition = file.contentType === 'application/pdf' ? 'attachment' : 'inline';
    res.header('Content-Type', file.contentType);
    res.header('Content-Disposition', `${disposition}; filename="${file.type.toLowerCase()}.${ext}"`);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Cache-Control', 'private, no-store');
    return file.bytes;
  }

  @Post('documents/:id/verify')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Verify a SUBMITTED document (officer)' })
  @ApiOkResponse({ type: DocumentReply })
  @ApiError(404, 'NOT_FOUND: no such document')
  @ApiError(409, 'INVALID_STATE_TRANSITION: only a SUBMITTED document can be verified')
  verify(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string) {
    return this.documents.verify(user, id);
  }

  @Post('documents/:id/reject')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Reject a document with a reason (officer); the seeker is told and uploads again' })
  @ApiOkResponse({ type: DocumentReply })
  @ApiError(404, 'NOT_FOUND: no such document')
  @ApiError(409, 'INVALID_STATE_TRANSITION: the document is already REJECTED')
  reject(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: RejectDocumentDto) {
    return this.documents.reject(user, id, dto.reason);
  }
}
