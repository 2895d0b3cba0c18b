import { ensurePcscStack } from './pcscd/ensure-pcsc-stack';
import { startPcscd } from './pcscd/pcscd-process';
import { CccdSoftCard } from './soft-card/cccd-soft-card';
import { VpcdCard } from './vpcd/vpcd-card-client';

export interface CardRig {
  chip: CccdSoftCard;
  /** Takes the card out and stops pcscd (close anything reading through pcscd first). */
  stop(): Promise<void>;
}

/** A real pcscd with the vpcd virtual reader and the software CCCD chip inserted: what the app reads through in tests. */
export async function startCardRig(chip = new CccdSoftCard()): Promise<CardRig> {
  ensurePcscStack();
  const pcscd = await startPcscd();
  const card = new VpcdCard(chip);
  try {
    await card.insert();
  } catch (e) {
    await pcscd.stop();
    throw e;
  }
  return {
    chip,
    async stop() {
      await card.remove();
      await pcscd.stop();
    },
  };
}
