import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../shared/contract/roles';
import { useAppSession } from '../session/app-session';
import { BeneficiaryDetailView } from './BeneficiaryDetail';
import { BeneficiaryList } from './BeneficiaryList';
import { PersonForm } from './edit/PersonForm';
import { StatusChange } from './edit/StatusChange';
import { NO_FILTERS, type ListFilters } from './list-filters';

/** Đối tượng: the list, and a record's detail over it (the list keeps its search, filters and scroll underneath). */
export function BeneficiariesSection() {
  const { t } = useTranslation();
  const { phase } = useAppSession();
  const canWrite = phase.name === 'ready' && can(phase.session.user.role, 'beneficiaries.write');
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [bulk, setBulk] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const togglePick = (id: string) => setPicked((old) => {
    const next = new Set(old);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  const layerOpen = openId !== null || adding;
  const close = () => { setOpenId(null); setAdding(false); setFocusToken((n) => n + 1); };

  return (
    <div className="beneficiaries">
      <div className="list-layer" inert={layerOpen} aria-hidden={layerOpen}>
        {canWrite && (
          <div className="register-actions">
            {notice && <span className="notice" role="status" data-testid="bulk-notice">{notice}</span>}
            <span className="muted">{picked.size ? t('edit.picked', { n: picked.size }) : t('edit.pickHint')}</span>
            {picked.size > 0 && <>
              <button type="button" onClick={() => { setBulk(true); setNotice(null); }} disabled={bulk} data-testid="bulk-status">{t('edit.statusChange')}</button>
              <button type="button" className="link-button" onClick={() => setPicked(new Set())}>{t('edit.unpick')}</button>
            </>}
            <button type="button" onClick={() => setAdding(true)} data-testid="add-person">+ {t('edit.add')}</button>
          </div>
        )}
        {bulk && (
          <StatusChange ids={[...picked]} baseRev={null} current={null}
            onDone={(message) => { setBulk(false); setPicked(new Set()); setNotice(message); }} onCancel={() => setBulk(false)} />
        )}
        <BeneficiaryList filters={filters} onFiltersChange={setFilters} onOpen={setOpenId} focusToken={focusToken}
          picked={canWrite ? picked : undefined} onTogglePick={canWrite ? togglePick : undefined} />
      </div>
      {openId && (
        <div className="detail-layer">
          <BeneficiaryDetailView id={openId} onClose={close} />
        </div>
      )}
      {adding && !openId && (
        <div className="detail-layer">
          <section className="detail" onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
            <div className="detail-top">
              <button type="button" className="back" onClick={close}>← {t('detail.back')}</button>
            </div>
            <PersonForm detail={null} onSaved={(id) => { setAdding(false); setOpenId(id); }} onCancel={close} />
          </section>
        </div>
      )}
    </div>
  );
}
