import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../shared/contract/methods';
import type { Role } from '../../shared/contract/roles';
import { can } from '../../shared/contract/roles';
import { formatDateTime } from '../../shared/format/dates';
import { formatCount } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import './sync.css';

type Status = MethodOutput<'sync.status'>;
type Issues = MethodOutput<'sync.issues'>;
type Work = { name: 'idle' } | { name: 'working'; what: 'sync' | 'bundle' | 'receipt' | 'enrol' | 'resolve' } | { name: 'done'; text: string } | { name: 'failed'; message: string };

/**
 * Đồng bộ: the last success, what waits to be sent, the last error in plain Vietnamese, "Đồng bộ ngay", the USB bundle
 * and its receipt, and "Cần xử lý" (what sync did not simply apply). The administrator enrols the device here.
 */
export function SyncSection({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [status, setStatus] = useState<Status | null>(null);
  const [issues, setIssues] = useState<Issues>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [work, setWork] = useState<Work>({ name: 'idle' });
  const receiptInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await client.call('sync.status', {}));
      setIssues(await client.call('sync.issues', {}));
      setLoadError(null);
    } catch (e) {
      setLoadError(messageOf(e));
    }
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function run(what: Exclude<Work, { name: 'idle' | 'done' | 'failed' }>['what'], task: () => Promise<string | null>) {
    setWork({ name: 'working', what });
    try {
      const text = await task();
      setWork(text ? { name: 'done', text } : { name: 'idle' });
    } catch (e) {
      setWork({ name: 'failed', message: messageOf(e) });
    }
    await refresh();
  }

  /** A value as JSON text, shown as a person reads it. */
  const shown = (json: string | null) => {
    if (json === null) return '—';
    const v = JSON.parse(json) as unknown;
    return v === null || v === '' ? '—' : String(v);
  };
  const decide = (id: string, choice: 'theirs' | 'ours' | 'dismiss') => run('resolve', async () => {
    await client.call('sync.resolve', { id, choice });
    return t(`sync.decided.${choice}`);
  });

  const syncNow = () => run('sync', async () => {
    const r = await client.call('sync.now', {});
    return t('sync.done', { pushed: formatCount(r.pushed), pulled: formatCount(r.pulled) }) + (r.held ? ' ' + t('sync.held', { count: r.held }) : '');
  });
  const exportBundle = () => run('bundle', async () => {
    const made = await client.call('sync.exportBundle', {});
    const saved = await client.save(made.downloadRef, made.fileName);
    return saved ? t('sync.bundleSaved', { number: made.number, entries: formatCount(made.entries), file: made.fileName }) : null;
  });
  const importReceipt = (file: File) => run('receipt', async () => {
    const fileRef = await client.upload(file);
    const r = await client.call('sync.importReceipt', { fileRef });
    return t('sync.receiptDone', { number: r.number, received: formatCount(r.received) }) + (r.held ? ' ' + t('sync.held', { count: r.held }) : '');
  });

  const busy = work.name === 'working';
  return (
    <section className="page sync-page" data-testid="sync-section" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      {loadError && <ErrorMessage message={loadError} onRetry={() => void refresh()} retryLabel={t('sync.retry')} />}
      {status && (
        <dl className="sync-status" data-testid="sync-status">
          <dt>{t('sync.hub')}</dt>
          <dd>{status.hubUrl ?? t('sync.noHub')}</dd>
          <dt>{t('sync.lastSuccess')}</dt>
          <dd data-testid="sync-last-success">{status.lastSuccess ? formatDateTime(status.lastSuccess) : t('sync.never')}</dd>
          <dt>{t('sync.pending')}</dt>
          <dd data-testid="sync-pending">{t('sync.pendingCount', { count: status.pending, formatted: formatCount(status.pending) })}</dd>
          <dt>{t('sync.issuesLabel')}</dt>
          <dd>{formatCount(status.issues)}</dd>
        </dl>
      )}
      {status?.problem && <p className="notice" data-testid="sync-problem">{status.problem}</p>}
      {status?.lastError && !status.problem && <p className="notice" role="alert" data-testid="sync-last-error">{t('sync.lastError', { message: status.lastError })}</p>}
      {status && !status.enrolled && (can(role, 'users.manage') ? <EnrolForm busy={busy} onEnrol={(hubUrl, code) => run('enrol', async () => {
        await client.call('sync.enrol', { hubUrl, code });
        return t('sync.enrolled');
      })} /> : <p className="hint">{t('sync.askAdmin')}</p>)}
      {status?.enrolled && (
        <div className="sync-actions">
          <button type="button" className="primary" data-testid="sync-now" onClick={syncNow} disabled={busy}>{t('sync.now')}</button>
          {can(role, 'lists.export') && <button type="button" onClick={exportBundle} disabled={busy}>{t('sync.exportBundle')}</button>}
          <button type="button" onClick={() => receiptInput.current?.click()} disabled={busy}>{t('sync.importReceipt')}</button>
          <input ref={receiptInput} type="file" hidden accept=".bien-nhan,.ansinh" onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importReceipt(file);
          }} />
        </div>
      )}
      {busy && (
        <div className="sync-progress" role="status" aria-live="polite">
          <progress aria-label={t(`sync.working.${work.what}`)} />
          <span>{t(`sync.working.${work.what}`)}</span>
        </div>
      )}
      {work.name === 'done' && <p role="status" data-testid="sync-result">{work.text}</p>}
      {work.name === 'failed' && <ErrorMessage message={work.message} />}
      <h2>{t('sync.issuesTitle')}</h2>
      {issues.length === 0 ? <p className="muted">{t('sync.noIssues')}</p> : (
        <table className="sync-issues" data-testid="sync-issues">
          <thead><tr><th>{t('sync.when')}</th><th>{t('sync.what')}</th><th>{t('sync.field')}</th><th>{t('sync.why')}</th><th>{t('sync.ours')}</th><th>{t('sync.theirs')}</th><th /></tr></thead>
          <tbody>
            {issues.map((i) => (
              <tr key={i.id}>
                <td>{formatDateTime(new Date(i.createdAt).toISOString())}</td>
                <td>{t(`sync.entities.${i.entity}`, { defaultValue: i.entity })}</td>
                <td>{i.field ?? '—'}</td>
                <td>{i.message}</td>
                <td>{shown(i.ours)}</td>
                <td>{i.decidable ? <>{shown(i.theirs)}<div className="muted">{t('sync.theirsBy', { who: i.theirsBy ?? '—', when: i.theirsAt ? formatDateTime(i.theirsAt) : '—' })}</div></> : '—'}</td>
                <td>
                  {i.decidable && <button type="button" disabled={work.name === 'working'} onClick={() => void decide(i.id, 'theirs')}>{t('sync.takeTheirs')}</button>}{' '}
                  {i.decidable && <button type="button" disabled={work.name === 'working'} onClick={() => void decide(i.id, 'ours')}>{t('sync.keepOurs')}</button>}{' '}
                  <button type="button" disabled={work.name === 'working'} onClick={() => void decide(i.id, 'dismiss')}>{t('sync.dismiss')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EnrolForm({ busy, onEnrol }: { busy: boolean; onEnrol: (hubUrl: string, code: string) => void }) {
  const { t } = useTranslation();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ hubUrl?: string; code?: string }>({});
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!/^https?:\/\/\S+$/.test(hubUrl.trim())) next.hubUrl = t('sync.badUrl');
    if (!/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{6}$/.test(code.trim())) next.code = t('sync.badCode');
    setErrors(next);
    if (!next.hubUrl && !next.code) onEnrol(hubUrl.trim(), code.trim().toUpperCase());
  };
  return (
    <form className="sync-enrol" onSubmit={submit} noValidate data-testid="sync-enrol">
      <h2>{t('sync.enrolTitle')}</h2>
      <label>{t('sync.hubUrl')}
        <input value={hubUrl} onChange={(e) => setHubUrl(e.target.value)} placeholder="https://dongbo.tinh.gov.vn" aria-invalid={!!errors.hubUrl} />
      </label>
      {errors.hubUrl && <p className="field-error" role="alert">{errors.hubUrl}</p>}
      <label>{t('sync.code')}
        <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABCD-EFGH-123456" aria-invalid={!!errors.code} />
      </label>
      {errors.code && <p className="field-error" role="alert">{errors.code}</p>}
      <button type="submit" className="primary" disabled={busy}>{t('sync.enrol')}</button>
    </form>
  );
}
