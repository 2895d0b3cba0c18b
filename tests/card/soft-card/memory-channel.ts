// A CardChannel straight to a SoftCard in memory, with the transport failures a real reader has.
import { CardError, type CardChannel } from '../../../main/card/card-channel';
import type { SoftCard } from './soft-card';

export interface MemoryChannelOptions {
  /** The card is pulled out when this many APDUs have gone through. */
  removeAfter?: number;
  /** The card stops answering (the promise never settles) after this many APDUs. */
  hangAfter?: number;
}

export class MemoryChannel implements CardChannel {
  count = 0;
  constructor(
    readonly card: SoftCard,
    private readonly options: MemoryChannelOptions = {},
  ) {
    card.powerOn();
  }

  transmit(apdu: Uint8Array): Promise<Uint8Array> {
    this.count++;
    if (this.options.removeAfter !== undefined && this.count > this.options.removeAfter) {
      this.card.powerOff();
      return Promise.reject(new CardError('removed', 'card left the field'));
    }
    if (this.options.hangAfter !== undefined && this.count > this.options.hangAfter) return new Promise(() => undefined);
    try {
      return Promise.resolve(this.card.process(apdu));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
