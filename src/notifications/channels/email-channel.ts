import { Injectable } from '@nestjs/common';
import type { RenderedMessage } from '../notification-kinds.js';
/** PLACEHOLDER until the channels branch lands. */
@Injectable()
export class EmailChannel {
  readonly configured: boolean = false;
  async send(to: string, message: RenderedMessage, unsubscribeUrl: string): Promise<void> {
    void to;
    void message;
    void unsubscribeUrl;
    await Promise.resolve();
  }
}
