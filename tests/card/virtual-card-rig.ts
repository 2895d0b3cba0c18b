import { ensurePcscStack } from './pcscd/ensure-pcsc-stack';
import { startPcscd } from './pcscd/pcscd-process';
import { CccdSoftCard } from './soft-card/cccd-soft-card';
import { VpcdCard, type VpcdCardStats } from './vpcd/vpcd-card-client';

export interface CardRig {
  chip: CccdSoftCard;
  /** APDUs and bytes the card on the reader has seen. */
  readonly stats: VpcdCardStats;
  /** Takes the card out and puts this chip on the reader instead (the reader sees it at its next poll). */
  swap(chip: CccdSoftCard): Promise<void>;
  /** Takes the card out and stops pcscd (close anything reading through pcscd first). */
  stop(): Promise<void>;
}

/** A real pcscd with the vpcd virtual reader and the software CCCD chip inserted: what the app reads through in tests. */
export async function startCardRig(chip = new CccdSoftCard()): Promise<CardRig> {
  ensurePcscStack();
  const pcscd = await startPcscd();
  let card = new VpcdCard(chip);
  try {
    await card.insert();
  } catch (e) {
    await pcscd.stop();
    throw e;
  }
  const rig: CardRig = {
    chip,
    get stats() {
      return card.stats;
    },
    async swap(next) {
      await card.remove();
      card = new VpcdCard(next);
      rig.chip = next;
      await card.insert();
    },
    async stop() {
      await card.remove();
      await pcscd.stop();
    },
  };
  return rig;
}
