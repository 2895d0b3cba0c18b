import { useState } from 'react';
import { BeneficiaryDetailView } from './BeneficiaryDetail';
import { BeneficiaryList } from './BeneficiaryList';
import { NO_FILTERS, type ListFilters } from './list-filters';

/** Đối tượng: the list, and a record's detail over it (the list keeps its search, filters and scroll underneath). */
export function BeneficiariesSection() {
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [openId, setOpenId] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);

  return (
    <div className="beneficiaries">
      <div className="list-layer" inert={openId !== null} aria-hidden={openId !== null}>
        <BeneficiaryList filters={filters} onFiltersChange={setFilters} onOpen={setOpenId} focusToken={focusToken} />
      </div>
      {openId && (
        <div className="detail-layer">
          <BeneficiaryDetailView id={openId} onClose={() => { setOpenId(null); setFocusToken((n) => n + 1); }} />
        </div>
      )}
    </div>
  );
}
