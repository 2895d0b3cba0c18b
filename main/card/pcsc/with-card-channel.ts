// One card conversation: wait for a card on the chosen reader, connect, run, and always disconnect (resetting the
// card, so a secure-messaging session never outlives the read). What the doors call around readCard.
import type { PcscCardChannel, PcscChannelOptions } from './pcsc-card-channel';
import type { PcscReaders, ReaderInfo } from './pcsc-readers';

export interface CardSessionOptions {
  /** Reader name or a unique part of it; otherwise the reader holding a card, preferring contactless ones. */
  reader?: string;
  /** How long to wait for a card to be presented. */
  waitMs?: number;
  signal?: AbortSignal;
  channel?: PcscChannelOptions;
}

export async function withCardChannel<T>(
  readers: PcscReaders,
  options: CardSessionOptions,
  run: (channel: PcscCardChannel, reader: ReaderInfo) => Promise<T>,
): Promise<T> {
  const reader = await readers.waitForCard({
    timeoutMs: options.waitMs ?? 30_000,
    ...(options.reader !== undefined && { reader: options.reader }),
    ...(options.signal && { signal: options.signal }),
  });
  const channel = await readers.connect(reader.name, options.channel);
  try {
    return await run(channel, reader);
  } finally {
    await channel.close();
  }
}
