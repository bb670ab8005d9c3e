/**
 * Every runtime message between the extension's parts, validated on arrival: a message from a
 * stale content script or another sender never reaches code that trusts its shape.
 */
import { z } from './zod';
import { VIEW_IDS } from './popup-location';
import { UI_LANGS } from './ui-language';

/** An entity id as the data defines them: kebab-case, short. */
const EntityRefSchema = z.string().check(z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

/** A view of the popup UI (`models`, `market`...), as the card's "Full tables" link names it. */
export const TablesViewSchema = z.enum(VIEW_IDS);

/** Popup -> content script: which entities does this page mention? */
export const GetPageMentionsSchema = z.strictObject({ type: z.literal('get-page-mentions') });

/** Content script -> popup: the answer to `get-page-mentions`. */
export const PageMentionsReplySchema = z.strictObject({
  host: z.string().check(z.maxLength(260)),
  mentions: z.array(
    z.strictObject({
      entityId: EntityRefSchema,
      /** The mention as the page first spells it. */
      text: z.string().check(z.maxLength(200)),
      count: z.int().check(z.minimum(0)),
    }),
  ),
});
export type PageMentionsReply = z.infer<typeof PageMentionsReplySchema>;

/** Popup -> content script: scroll to the entity's next mention and open its card. */
export const RevealMentionSchema = z.strictObject({
  type: z.literal('reveal-mention'),
  entityId: EntityRefSchema,
});

/** Content script -> popup: whether `reveal-mention` found a mention to show. */
export const RevealReplySchema = z.strictObject({ revealed: z.boolean() });
export type RevealReply = z.infer<typeof RevealReplySchema>;

/** Content script -> background: this frame's mention count, for the toolbar badge. */
export const MentionCountSchema = z.strictObject({
  type: z.literal('mention-count'),
  count: z.int().check(z.minimum(0), z.maximum(10_000_000)),
});

/** Content script -> background: open the popup UI in a tab, on one view (the card's link). */
export const OpenTablesSchema = z.strictObject({
  type: z.literal('open-tables'),
  view: TablesViewSchema,
});

/** Content script -> background: every card's content in a UI language (a `CardBook`). */
export const GetCardBookSchema = z.strictObject({
  type: z.literal('get-card-book'),
  lang: z.enum(UI_LANGS),
});

/** Background -> content script: the keyboard command asked for the next mention. */
export const NextMentionSchema = z.strictObject({ type: z.literal('next-mention') });

export const MessageSchema = z.discriminatedUnion('type', [
  GetPageMentionsSchema,
  RevealMentionSchema,
  MentionCountSchema,
  OpenTablesSchema,
  GetCardBookSchema,
  NextMentionSchema,
]);
export type Message = z.infer<typeof MessageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** The message, or undefined for anything that is not one of ours. Never throws. */
export function parseMessage(value: unknown): Message | undefined {
  try {
    const parsed = MessageSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A getter that throws (only possible for objects built in the same world) is not a message.
    return undefined;
  }
}

/** The content script's answer to `get-page-mentions`, or undefined when it is malformed. */
export function parsePageMentionsReply(value: unknown): PageMentionsReply | undefined {
  try {
    const parsed = PageMentionsReplySchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
