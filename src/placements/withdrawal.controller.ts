import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WithdrawCardDto } from '../cards/dto/card.dto.js';
import { CardReply } from '../cards/dto/card.reply.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser, Roles } from '../common/auth/decorators.js';
import { ApiError } from '../common/http/api-responses.js';
import { IdPipe } from '../common/http/id.pipe.js';
import { WithdrawalService } from './withdrawal.service.js';

/** `POST /cards/:id/withdraw`: served here because the withdrawal also closes the seeker's applications. */
@ApiTags('cards')
@Controller('cards')
export class WithdrawalController {
  constructor(private readonly withdrawals: WithdrawalService) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('seeker', 'officer')
  @ApiOperation({
    summary:
      'The holder is no longer looking for work (holder, or an officer for them at the counter): the ACTIVE card becomes WITHDRAWN, their undecided applications close, IPK III/1 counts it as removed',
  })
  @ApiOkResponse({ type: CardReply, description: 'the card, WITHDRAWN, with the reason as statusReason' })
  @ApiError(404, 'NOT_FOUND: no such card, or (seeker) not yours')
  @ApiError(409, 'CARD_NOT_ACTIVE: only a card active today can be withdrawn (placed, expired, revoked, withdrawn)')
  withdraw(@CurrentUser() user: AuthUser, @Param('id', IdPipe) id: string, @Body() dto: WithdrawCardDto) {
    return this.withdrawals.withdraw(user, id, dto.reason);
  }
}
