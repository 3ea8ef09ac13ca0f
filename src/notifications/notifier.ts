import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MessageKind, MessageParams } from './notification-kinds.js';

export interface NotifyInput<K extends MessageKind> {
  kind: K;
  /** The users to tell (each gets one inbox entry and one delivery per channel). */
  userIds: readonly string[];
  /**
   * What the message is about, e.g. `card:<id>`, `card:<id>:2027-03-01` (a reminder per due date),
   * `campaign:<id>`. With the kind and the recipient it makes the message unique: asking twice sends once.
   */
  subject: string;
  params: MessageParams[K];
}

/**
 * The one way a use case tells people something. `notify` writes, in the caller's transaction, the
 * inbox entries and one pending delivery per channel the recipient can be reached on; a worker sends
 * them after commit, with retries. Nothing here can fail the change for a channel's sake.
 */
@Injectable()
export class Notifier {
  async notify<K extends MessageKind>(manager: EntityManager, input: NotifyInput<K>): Promise<void> {
    void manager;
    void input;
    throw new Error('Notifier.notify: not implemented yet');
  }

  /** The users who act for these employers (their staff), for messages to a company. */
  async staffOf(manager: EntityManager, employerIds: readonly string[]): Promise<string[]> {
    void manager;
    void employerIds;
    throw new Error('Notifier.staffOf: not implemented yet');
  }

  /** Deliveries of one message to everyone (e.g. a campaign): sent, and given up on. */
  async tally(kind: MessageKind, subject: string): Promise<{ sent: number; failed: number; pending: number }> {
    void kind;
    void subject;
    throw new Error('Notifier.tally: not implemented yet');
  }
}
