import type { Lang, MessageKind, MessageParams, RenderedMessage } from './notification-kinds.js';
/** PLACEHOLDER until the channels branch lands. */
export function renderMessage<K extends MessageKind>(
  kind: K,
  params: MessageParams[K],
  lang: Lang,
  linkBase: string,
): RenderedMessage {
  const title = `${kind}`;
  const body = JSON.stringify(params) + lang;
  return {
    title,
    body,
    link: linkBase,
    email: { subject: title, text: body, html: body },
    whatsapp: { template: kind.toLowerCase(), params: [] },
  };
}
