import { Injectable } from '@nestjs/common';
import type { Lang } from '../notification-kinds.js';
/** PLACEHOLDER until the channels branch lands. */
@Injectable()
export class WhatsAppChannel {
  readonly configured: boolean = false;
  async send(toPhone: string, template: string, lang: Lang, params: string[]): Promise<{ messageId: string }> {
    void toPhone;
    void template;
    void lang;
    void params;
    return Promise.resolve({ messageId: '' });
  }
}
