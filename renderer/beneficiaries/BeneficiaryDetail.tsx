import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail as Detail, HistoryEntry } from '../../shared/contract/beneficiaries';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';
import { formatVnd } from '../../shared/format/money';
import { messageOf } from '../api/call-error';
import { ErrorMessage } from '../screens/ErrorMessage';
import { useAppSession } from '../session/app-session';
import { can } from '../../shared/contract/roles';
import { PersonForm } from './edit/PersonForm';
import { UndoLastEdit } from './edit/UndoLastEdit';
import { StatusChange } from './edit/StatusChange';
import { AccountForm } from './edit/AccountForm';
import { HouseholdActions } from './edit/HouseholdActions';
import { notifyRegisterChanged } from './edit/register-changes';
import { HistoryTable } from './HistoryTable';
import { categoryGroupLabel } from './row-cells';
import { EntitlementsPanel } from '../payout/EntitlementsPanel';

const ACCOUNT_FIELDS = new Set(['accountNumber', 'bankName', 'bankBin']);

type Load<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'done'; value: T };

/** One call's result for this view; `key` names what is asked for, so a new key asks again. */
function useCall<T>(key: string, run: () => Promise<T>): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    runRef.current().then((value) => live && setLoad({ state: 'done', value }), (e: unknown) => live && setLoad({ state: 'failed', message: messageOf(e) }));
    return () => { live = false; };
  }, [key, attempt]);
  return [load, () => setAttempt((a) => a + 1)];
}

/** `fixField`: opened to fix that field (from an import's needs-fixing list): its form, or the account form, at once. */
export function BeneficiaryDetailView({ id, fixField = null, onClose }: { id: string; fixField?: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { client, phase } = useAppSession();
  const canWrite = phase.name === 'ready' && can(phase.session.user.role, 'beneficiaries.write');
  const [detail, retryDetail] = useCall(`get:${id}`, () => client.call('beneficiaries.get', { id }));
  const [history, retryHistory] = useCall(`history:${id}`, () => client.call('beneficiaries.history', { id }));
  const [editing, setEditing] = useState(false);
  const [focusField, setFocusField] = useState<string | null>(null);
  const [changingStatus, setChangingStatus] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isAdministrator = phase.name === 'ready' && phase.session.user.role === 'administrator';
  const backRef = useRef<HTMLButtonElement>(null);
  const reload = () => { retryDetail(); retryHistory(); };

  const fixesPerson = fixField !== null && !ACCOUNT_FIELDS.has(fixField);
  useEffect(() => {
    if (!fixesPerson) backRef.current?.focus(); // else the form puts the focus on the field to fix
    setEditing(fixesPerson); setFocusField(fixField); setChangingStatus(false); setNotice(null);
  }, [id, fixField, fixesPerson]);
  const edit = (field: string | null) => { setFocusField(field); setEditing(true); setChangingStatus(false); setNotice(null); };

  return (
    <section className="detail" data-testid="beneficiary-detail" aria-labelledby="detail-title"
      onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="detail-top">
        <button ref={backRef} type="button" className="back" onClick={onClose} data-testid="detail-back">← {t('detail.back')}</button>
        <h1 id="detail-title">{detail.state === 'done' ? detail.value.fullName : t('detail.title')}</h1>
        {detail.state === 'done' && (
          <span className={`status status-${detail.value.status}`} data-testid="detail-status">{t(`status.${detail.value.status}`)}</span>
        )}
        {detail.state === 'done' && canWrite && !editing && (
          <div className="detail-actions">
            <button type="button" onClick={() => edit(null)} data-testid="detail-edit">{t('edit.edit')}</button>
            <button type="button" onClick={() => { setChangingStatus(true); setNotice(null); }} disabled={changingStatus} data-testid="detail-status-change">{t('edit.statusChange')}</button>
            <UndoLastEdit detail={detail.value} isAdministrator={isAdministrator} onUndone={(message) => { setNotice(message); reload(); }} />
          </div>
        )}
      </div>
      {notice && <p className="notice" role="status" data-testid="detail-notice">{notice}</p>}
      {detail.state === 'loading' && <p className="muted" aria-busy="true">{t('common.loading')}</p>}
      {detail.state === 'failed' && <ErrorMessage message={detail.message} onRetry={retryDetail} retryLabel={t('common.retry')} />}
      {detail.state === 'done' && editing && (
        <PersonForm key={detail.value.rev} detail={detail.value} focusField={focusField} onSaved={() => { setEditing(false); setNotice(t('edit.saved')); reload(); }} onCancel={() => setEditing(false)} />
      )}
      {detail.state === 'done' && changingStatus && !editing && (
        <StatusChange ids={[detail.value.id]} baseRev={detail.value.rev} current={detail.value.status}
          onDone={(message) => { setChangingStatus(false); setNotice(message); reload(); }} onCancel={() => setChangingStatus(false)} />
      )}
      {detail.state === 'done' && !editing && (
        <DetailBody d={detail.value} canWrite={canWrite} onEditField={edit} onChanged={reload} openAccountForm={fixField !== null && ACCOUNT_FIELDS.has(fixField)} />
      )}
      <section className="panel" aria-labelledby="history-title" data-testid="history">
        <h2 id="history-title">{t('detail.history')}</h2>
        {history.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {history.state === 'failed' && <ErrorMessage message={history.message} onRetry={retryHistory} retryLabel={t('common.retry')} />}
        {history.state === 'done' && <HistoryTable entries={history.value as HistoryEntry[]} />}
      </section>
    </section>
  );
}

function DetailBody({ d, canWrite, onEditField, onChanged, openAccountForm = false }: {
  d: Detail; canWrite: boolean; onEditField(field: string): void; onChanged(): void; openAccountForm?: boolean;
}) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [accountForm, setAccountForm] = useState<Detail['accounts'][number] | 'new' | null>(
    () => (openAccountForm && canWrite ? d.accounts.find((a) => a.status === 'active') ?? 'new' : null));
  const [closing, setClosing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const closeAccount = async (accountId: string) => {
    setError(null);
    try {
      await client.call('accounts.close', { id: accountId });
      notifyRegisterChanged();
      setClosing(null);
      onChanged();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const badge = (field: string) => {
    const how = d.verified[field];
    return how ? <span className={`verified verified-${how}`} data-testid={`verified-${field}`} title={t(`detail.verified.${how}`)}>✓ {t(`detail.verified.${how}`)}</span> : null;
  };
  const field = (key: string, label: string, value: ReactNode, verifiedAs?: string) => (
    <div className="field" data-testid={`field-${key}`}>
      <dt>{label}</dt>
      <dd>{value === '' || value === null || value === undefined ? <span className="muted">{t('common.none')}</span> : value}{verifiedAs && badge(verifiedAs)}</dd>
    </div>
  );

  return (
    <div className="detail-grid">
      <section className="panel" aria-labelledby="personal-title">
        <h2 id="personal-title">{t('detail.personal')}</h2>
        <dl className="fields">
          {field('fullName', t('detail.fullName'), d.fullName, 'fullName')}
          {field('birth', t('detail.birth'), formatBirth(d.birth), 'birth')}
          {field('sex', t('detail.sex'), d.sex ? t(`sex.${d.sex}`) : '', 'sex')}
          {field('idNumber', t('detail.idNumber'), d.idNumber && <span className="mono">{formatIdNumber(d.idNumber)}</span>, 'idNumber')}
          {field('oldIdNumber', t('detail.oldIdNumber'), d.oldIdNumber && <span className="mono">{formatIdNumber(d.oldIdNumber)}</span>)}
          {field('ethnicity', t('detail.ethnicity'), d.ethnicity)}
          {field('hometown', t('detail.hometown'), d.hometown, 'hometown')}
          {field('permanentAddress', t('detail.permanentAddress'), d.permanentAddress, 'permanentAddress')}
          {field('village', t('detail.village'), d.village)}
          {field('unitName', t('detail.unitName'), d.unitName)}
        </dl>
      </section>
      <section className="panel" aria-labelledby="benefit-title">
        <h2 id="benefit-title">{t('detail.benefit')}</h2>
        <dl className="fields">
          {field('categoryGroup', t('detail.categoryGroup'), categoryGroupLabel(t, d.categoryGroup))}
          {field('categoryLabel', t('detail.categoryLabel'), d.categoryLabel)}
          {field('monthlyAmount', t('detail.amount'), formatVnd(d.monthlyAmount))}
          {field('paymentChannel', t('detail.channel'), t(`channel.${d.paymentChannel}`))}
          {field('status', t('detail.status'), <>{t(`status.${d.status}`)}{d.statusDate && <> {t('edit.statusSince', { date: formatBirth(d.statusDate) })}</>}{d.statusReason && <span className="muted"> — {d.statusReason}</span>}</>)}
        </dl>
        <h3>{t('detail.household')}</h3>
        {d.household ? (
          <dl className="fields" data-testid="household">
            {field('householdHead', t('detail.householdHead'), d.household.headName)}
            {field('householdKind', t('detail.householdKind'), t(`householdKinds.${d.household.kind}`, { defaultValue: d.household.kind }))}
            {field('householdMembers', t('detail.householdMembers'), String(d.household.memberCount))}
          </dl>
        ) : <p className="muted">{t('detail.noHousehold')}</p>}
        {d.household?.isHead && <p className="muted" data-testid="household-is-head">{t('edit.household.isHead')}</p>}
        {canWrite && <HouseholdActions person={d} onDone={onChanged} />}
      </section>
      <section className="panel wide" aria-labelledby="accounts-title" data-testid="accounts">
        <h2 id="accounts-title">{t('detail.accounts')}</h2>
        <ErrorMessage message={error} />
        {accountForm && <AccountForm person={d} account={accountForm === 'new' ? null : accountForm} onDone={() => { setAccountForm(null); onChanged(); }} onCancel={() => setAccountForm(null)} />}
        {d.accounts.length === 0 ? <p className="muted">{t('detail.noAccounts')}</p> : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('detail.accountKind')}</th><th>{t('detail.bankName')}</th><th>{t('detail.accountNumber')}</th>
                <th>{t('detail.holder')}</th><th>{t('detail.owner')}</th><th>{t('detail.accountStatus')}</th>
                {canWrite && <th><span className="visually-hidden">{t('edit.accounts.edit')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {d.accounts.map((a) => (
                <tr key={a.id} data-testid="account-row">
                  <td>{t(`detail.accountKinds.${a.kind}`)}</td>
                  <td>{a.bankName ?? a.bankBin ?? ''}</td>
                  <td className="mono">{a.number}</td>
                  <td>{a.holderName}</td>
                  <td>{a.owner === 'self' ? t('detail.ownerSelf') : <strong>{t('detail.ownerAuthorised')}</strong>}</td>
                  <td>{a.status === 'active' ? t('detail.accountActive') : <span className="muted">{t('detail.accountClosed')}</span>}</td>
                  {canWrite && (
                    <td className="row-actions">
                      {a.status === 'active' && closing !== a.id && <>
                        <button type="button" className="link-button" onClick={() => setAccountForm(a)} data-testid="account-edit">{t('edit.accounts.edit')}</button>
                        <button type="button" className="link-button" onClick={() => setClosing(a.id)} data-testid="account-close">{t('edit.accounts.close')}</button>
                      </>}
                      {closing === a.id && (
                        <span className="confirm-inline" role="alertdialog" data-testid="account-close-confirm">
                          {t('edit.accounts.closeConfirm')}{' '}
                          <button type="button" className="primary" onClick={() => void closeAccount(a.id)} data-testid="account-close-yes">{t('edit.yes')}</button>{' '}
                          <button type="button" onClick={() => setClosing(null)}>{t('edit.no')}</button>
                        </span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canWrite && !accountForm && (
          <div className="button-row"><button type="button" onClick={() => setAccountForm('new')} data-testid="account-add">+ {t('edit.accounts.add')}</button></div>
        )}
      </section>
      <EntitlementsPanel beneficiaryId={d.id} canWrite={canWrite} />
      <section className="panel wide" aria-labelledby="problems-title" data-testid="problems">
        <h2 id="problems-title">{t('detail.problems')}</h2>
        {d.problems.length === 0 ? <p className="muted">{t('detail.noProblems')}</p> : (
          <ul className="problems">
            {d.problems.map((p, i) => (
              <li key={`${p.field}-${p.code}-${i}`} data-testid="problem">
                <strong>{t(`fields.${p.field}`, { defaultValue: p.field })}:</strong> {p.message}
                {p.value != null && <span className="muted" data-testid="problem-value"> {p.column ? t('edit.rejectedInFile', { value: p.value, column: p.column }) : t('edit.rejectedValue', { value: p.value })}</span>}
                {canWrite && (
                  <button type="button" className="link-button" data-testid="problem-fix"
                    onClick={() => (ACCOUNT_FIELDS.has(p.field) ? setAccountForm(d.accounts.find((a) => a.status === 'active') ?? 'new') : onEditField(p.field))}>
                    {t('edit.fix')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
