import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import type { HttpReply } from '../common/http/http.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { CardPdfService } from './card-pdf.service.js';

@ApiTags('cards')
@Controller('cards')
export class CardPdfController {
  constructor(private readonly pdfs: CardPdfService) {}

  @Get(':id/pdf')
  @Roles('officer', 'seeker')
  @ApiOperation({
    summary: 'The AK/I card as a PDF, front and back at ID-1 size on A4 (its holder or an officer)',
    description:
      'Office, number, photo (PAS_FOTO), holder, validity and the QR (ACTIVE cards); the back with the report rows, ' +
      'the placement once PLACED and the signing officer. An attachment, `Cache-Control: private, no-store`.',
  })
  @ApiResponse({
    status: 200,
    description: 'the PDF',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiError(404, 'NOT_FOUND: no such card, or (seeker) not yours')
  @ApiError(409, 'CARD_NOT_ACTIVE: only an issued card (ACTIVE, PLACED or EXPIRED) is printed')
  async pdf(
    @CurrentUser() user: AuthUser,
    @Param('id', IdPipe) id: string,
    @Res({ passthrough: true }) res: HttpReply,
  ) {
    const { number, bytes } = await this.pdfs.pdf(user, id);
    const safe = number.replace(/[^A-Za-z0-9.-]+/g, '-');
    res.header('Content-Type', 'application/pdf');
    res.header('Content-Disposition', `attachment; filename="kartu-ak1-${safe}.pdf"`);
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Cache-Control', 'private, no-store');
    return bytes;
  }
}
