// One conversation with the chip: plain until access control succeeds, then through secure messaging; re-opens
// the session (a fresh PACE/BAC) when the card dropped SM, a bounded number of times.
import { CardError, type CardChannel } from '../card-channel';
import { commandApdu, splitResponse, type ResponseApdu } from './apdu';
import type { SecureMessaging } from './secure-messaging';

export class ChipSession {
  sm: SecureMessaging | null = null;
  /** Re-runs access control (and chip authentication) and installs the new `sm`. */
  reopen: (() => Promise<void>) | null = null;
  /** Bumped on every re-open: the chip forgets the selected file then. */
  generation = 0;
  private reopens = 0;
  private lost = false;

  constructor(
    readonly channel: CardChannel,
    private readonly maxReopens = 4,
  ) {}

  async ensureOpen(): Promise<void> {
    if (this.sm?.broken) this.lost = true;
    if (!this.lost) return;
    if (!this.reopen) throw new CardError('protocol', 'secure messaging lost and no way to re-open it');
    if (this.reopens++ >= this.maxReopens) throw new CardError('protocol', 'secure messaging lost too many times');
    this.sm = null;
    this.lost = false;
    try {
      await this.reopen();
    } catch (error) {
      // Still lost: the next command tries again, within the limit.
      this.lost = true;
      throw error;
    }
    this.generation++;
  }

  async send(cla: number, ins: number, p1: number, p2: number, data?: Uint8Array, le?: number): Promise<ResponseApdu> {
    await this.ensureOpen();
    const sm = this.sm;
    if (!sm) return splitResponse(await this.channel.transmit(commandApdu(cla, ins, p1, p2, data, le)));
    const apdu = sm.wrap(cla, ins, p1, p2, data, le);
    let raw: Uint8Array;
    try {
      raw = await this.channel.transmit(apdu);
    } catch (error) {
      // We cannot know whether the chip counted this command: the counters may disagree now.
      sm.broken = true;
      throw error;
    }
    return sm.unwrap(raw);
  }
}
