import type { ReactNode } from 'react';
import { BeneficiaryDetailView } from './BeneficiaryDetail';

/**
 * A page (card reader, mismatch queue, import) with a beneficiary's detail opened over it; the page underneath keeps
 * its state and scroll, and is inert while the detail is open.
 */
export function RecordOverlay({ openId, editField = null, onClose, layer = null, children }: {
  openId: string | null;
  /** A needs-fixing item's field: the record opens with its form at that field. */
  editField?: string | null;
  onClose(): void;
  /** Something else opened over the page the same way (a new person's form), when no record is open. */
  layer?: ReactNode;
  children: ReactNode;
}) {
  const covered = openId !== null || layer !== null;
  return (
    <div className="overlay-host">
      <div className="page-scroll" inert={covered} aria-hidden={covered}>{children}</div>
      {openId && (
        <div className="detail-layer">
          <BeneficiaryDetailView id={openId} fixField={editField} onClose={onClose} />
        </div>
      )}
      {!openId && layer && <div className="detail-layer">{layer}</div>}
    </div>
  );
}
