import type { ReactNode } from 'react';
import { BeneficiaryDetailView } from './BeneficiaryDetail';

/**
 * A page (card reader, mismatch queue, import) with a beneficiary's detail opened over it; the page underneath keeps
 * its state and scroll, and is inert while the detail is open.
 */
export function RecordOverlay({ openId, editField = null, onClose, children }: {
  openId: string | null;
  /** A needs-fixing item's field: the record opens with its form at that field. */
  editField?: string | null;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <div className="overlay-host">
      <div className="page-scroll" inert={openId !== null} aria-hidden={openId !== null}>{children}</div>
      {openId && (
        <div className="detail-layer">
          <BeneficiaryDetailView id={openId} fixField={editField} onClose={onClose} />
        </div>
      )}
    </div>
  );
}
