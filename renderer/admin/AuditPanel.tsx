import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagedUser } from '../../shared/contract/accounts';
import { AUDIT_ACTIONS, type AuditEventView } from '../../shared/contract/audit';
import { formatDateTime } from '../../shared/format/dates';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { useDebounced } from '../beneficiaries/use-debounced';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { dayRange } from './day-range';
import { Pager } from './Pager';
import { usePagedCall } from './use-paged-call';

type ExportState = { name: 'idle' } | { name: 'working' } | { name: 'done'; count: number; fileName: string; saved: boolean } | { name: 'failed'; message: string };

/** Nhật ký truy cập: who opened, previewed, exported or read whose data, filtered and exported for an inspection. */
export function AuditPanel() {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [users, setUsers] = useState<ManagedUser[]>([]);
  const [userId, setUserId] = useState('');
  const [person, setPerson] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exporting, setExporting] = useState<ExportState>({ name: 'idle' });

  useEffect(() => {
    client.call('users.list', {}).then(setUsers, () => setUsers([]));
  }, [client]);

  const personSettled = useDebounced(person.trim(), 350);
  const fromSettled = useDebounced(from, 350);
  const toSettled = useDebounced(to, 350);
  const range = useMemo(() => dayRange(fromSettled, toSettled), [fromSettled, toSettled]);
  const rangeProblem = 'problem' in range ? range.problem : null;
  const filter = useMemo(() => ({
    userId: userId || null,
    person: personSettled || null,
    action: action || null,
    fromMs: 'problem' in range ? null : range.fromMs,
    toMs: 'problem' in range ? null : range.toMs,
  }), [userId, personSettled, action, range]);
  const key = JSON.stringify(filter);
  const list = usePagedCall((offset, limit) => client.call('audit.list', { ...filter, offset, limit }), key);

  async function runExport() {
    setExporting({ name: 'working' });
    try {
      const made = await client.call('audit.export', { ...filter, utcOffsetMinutes: -new Date().getTimezoneOffset() });
      const saved = await client.save(made.downloadRef, made.fileName);
      setExporting({ name: 'done', count: made.count, fileName: made.fileName, saved });
    } catch (e) {
      setExporting({ name: 'failed', message: messageOf(e) });
    }
  }

  const personText = (p: AuditEventView['person']) => {
    if (!p) return '';
    const parts = [p.name ?? (p.idTail ? '' : t('admin.audit.unknownPerson')), p.idTail ? t('admin.audit.idTail', { tail: p.idTail }) : ''];
    return parts.filter(Boolean).join(' · ');
  };

  return (
    <div data-testid="audit-panel">
      <p className="muted">{t('admin.audit.intro')}</p>
      <div className="toolbar audit-filters">
        <div className="filter">
          <label htmlFor="audit-user">{t('admin.audit.user')}</label>
          <select id="audit-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('admin.audit.anyone')}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.username})</option>)}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="audit-person">{t('admin.audit.person')}</label>
          <input id="audit-person" type="search" value={person} onChange={(e) => setPerson(e.target.value)} placeholder={t('admin.audit.personHint')} title={t('admin.audit.personTitle')} />
        </div>
        <div className="filter">
          <label htmlFor="audit-action">{t('admin.audit.action')}</label>
          <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">{t('admin.audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{t(`admin.audit.actions.${a}`)}</option>)}
          </select>
        </div>
        <div className="filter date-filter">
          <label htmlFor="audit-from">{t('admin.audit.from')}</label>
          <input id="audit-from" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric"
            aria-invalid={rangeProblem === 'from-invalid' || rangeProblem === 'reversed'} aria-describedby="audit-range-error" />
        </div>
        <div className="filter date-filter">
          <label htmlFor="audit-to">{t('admin.audit.to')}</label>
          <input id="audit-to" value={to} onChange={(e) => setTo(e.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric"
            aria-invalid={rangeProblem === 'to-invalid' || rangeProblem === 'reversed'} aria-describedby="audit-range-error" />
        </div>
        <div className="filter">
          <button type="button" className="primary" onClick={() => void runExport()} disabled={exporting.name === 'working' || rangeProblem !== null}
            aria-busy={exporting.name === 'working'} data-testid="audit-export">
            {exporting.name === 'working' ? t('admin.audit.exporting') : t('admin.audit.export')}
          </button>
        </div>
      </div>
      {rangeProblem && <p id="audit-range-error" className="field-error" role="alert">{t(`admin.audit.rangeProblems.${rangeProblem}`)}</p>}
      {exporting.name === 'done' && (
        <p className="ok-text" role="status" data-testid="audit-export-done">
          {exporting.saved ? t('admin.audit.exported', { count: formatCount(exporting.count), file: exporting.fileName }) : t('exports.cancelled')}
        </p>
      )}
      {exporting.name === 'failed' && <ErrorMessage message={exporting.message} />}
      <ErrorMessage message={list.error} />
      <div className="panel flush table-wrap" aria-busy={list.loading} data-testid="audit-table-wrap">
        <table className="table compact audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('admin.attempts.at')}</th><th>{t('admin.audit.user')}</th><th>{t('admin.attempts.door')}</th>
              <th>{t('admin.audit.action')}</th><th>{t('admin.audit.whose')}</th><th>{t('admin.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r, i) => (
              <tr key={`${r.atMs}-${i}`} data-testid="audit-row" data-action={r.action}>
                <td className="num nowrap">{formatDateTime(new Date(r.atMs).toISOString())}</td>
                <td>{r.userName ?? t('admin.audit.system')}</td>
                <td>{t(`origins.${r.door}`, { defaultValue: r.door })}</td>
                <td>{t(`admin.audit.actions.${r.action}`, { defaultValue: r.action })}</td>
                <td className="strong">{personText(r.person)}</td>
                <td className="audit-summary">{r.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && list.rows.length === 0 && <p className="empty">{t('admin.audit.empty')}</p>}
      </div>
      <Pager page={list.page} pages={list.pages} total={list.total} onPage={list.setPage} />
    </div>
  );
}
