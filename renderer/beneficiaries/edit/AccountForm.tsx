import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BANKS } from '../../../shared/banks/bank-directory';
import { WALLETS } from '../../../shared/banks/wallets';
import type { BeneficiaryDetail } from '../../../shared/contract/beneficiaries';
import { messageOf } from '../../api/call-error';
import { ErrorMessage } from '../../screens/ErrorMessage';
import { useAppSession } from '../../session/app-session';
import { notifyRegisterChanged } from './register-changes';

type Account = BeneficiaryDetail['accounts'][number];
type Kind = Account['kind'];

const BANK_CHOICES = BANKS.filter((b) => !b.deprecated && b.bin !== '971025');

/** Thêm / sửa tài khoản nhận tiền: bank from the directory (name, short name or BIN), number, whose it is, what for. */
export function AccountForm({ person, account, onDone, onCancel }: { person: BeneficiaryDetail; account: Account | null; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { client } = useAppSession();
  const [kind, setKind] = useState<Kind>(account?.kind ?? 'bank');
  const [provider, setProvider] = useState(account?.bankName ?? account?.bankBin ?? '');
  const [number, setNumber] = useState(account?.number ?? '');
  const [owner, setOwner] = useState<Account['owner']>(account?.owner ?? 'self');
  const [purpose, setPurpose] = useState<Account['purpose']>(account?.purpose ?? 'monthly');
  const [holderName, setHolderName] = useState(account?.owner === 'authorised' ? account.holderName : '');
  const [holderIdNumber, setHolderIdNumber] = useState(account?.holderIdNumber ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const out = await client.call('accounts.save', {
        beneficiaryId: person.id, id: account?.id ?? null, baseRev: account?.rev ?? null, kind, owner, purpose, provider, number,
        holderName: owner === 'authorised' ? holderName : null, holderIdNumber: owner === 'authorised' ? holderIdNumber : null,
      });
      setBusy(false);
      if (out.outcome === 'saved') {
        notifyRegisterChanged();
        onDone();
      } else setErrors(Object.fromEntries(out.errors.map((p) => [p.field, p.message])));
    } catch (err) {
      setFailure(messageOf(err));
      setBusy(false);
    }
  }

  const input = (name: string, label: string, value: string, set: (v: string) => void, extra: Record<string, unknown> = {}) => (
    <div className={`edit-field${errors[name] ? ' has-error' : ''}`}>
      <label htmlFor={`account-${name}`}>{label}</label>
      <input id={`account-${name}`} value={value} maxLength={200} aria-invalid={Boolean(errors[name])} data-testid={`account-${name}`} {...extra}
        onChange={(e) => { set(e.target.value); setErrors(({ [name]: _gone, ...rest }) => rest); }} />
      {errors[name] && <span className="field-error" role="alert" data-testid={`account-error-${name}`}>{errors[name]}</span>}
    </div>
  );

  return (
    <form className="form panel account-form" onSubmit={(e) => void submit(e)} noValidate data-testid="account-form" aria-labelledby="account-form-title">
      <h3 id="account-form-title">{t('edit.accounts.title')}</h3>
      <div className="edit-grid">
        <div className="edit-field">
          <label htmlFor="account-kind">{t('edit.accounts.kind')}</label>
          <select id="account-kind" value={kind} onChange={(e) => { setKind(e.target.value as Kind); setProvider(''); }} data-testid="account-kind">
            {(['bank', 'e-wallet', 'mobile-money'] as const).map((k) => <option key={k} value={k}>{t(`detail.accountKinds.${k}`)}</option>)}
          </select>
        </div>
        {input('provider', kind === 'bank' ? t('edit.accounts.bank') : t('edit.accounts.wallet'), provider, setProvider, { list: 'account-providers' })}
        <datalist id="account-providers">
          {kind === 'bank'
            ? BANK_CHOICES.map((b) => <option key={`${b.bin}-${b.code}`} value={b.shortName}>{`${b.bin} · ${b.name}`}</option>)
            : WALLETS.filter((w) => w.kind === kind).map((w) => <option key={w.shortName} value={w.shortName} />)}
        </datalist>
        {input('number', kind === 'bank' ? t('edit.accounts.number') : t('edit.accounts.walletNumber'), number, setNumber, { inputMode: 'numeric', className: 'mono' })}
        <div className="edit-field">
          <label htmlFor="account-owner">{t('edit.accounts.owner')}</label>
          <select id="account-owner" value={owner} onChange={(e) => setOwner(e.target.value as Account['owner'])} data-testid="account-owner">
            <option value="self">{t('detail.ownerSelf')}</option>
            <option value="authorised">{t('detail.ownerAuthorised')}</option>
          </select>
        </div>
        {owner === 'authorised' && input('holderName', t('edit.accounts.holderName'), holderName, setHolderName)}
        {owner === 'authorised' && input('holderIdNumber', t('edit.accounts.holderIdNumber'), holderIdNumber, setHolderIdNumber, { inputMode: 'numeric', className: 'mono' })}
        <div className={`edit-field${errors.purpose ? ' has-error' : ''}`}>
          <label htmlFor="account-purpose">{t('edit.accounts.purpose')}</label>
          <select id="account-purpose" value={purpose} onChange={(e) => { setPurpose(e.target.value as Account['purpose']); setErrors(({ purpose: _p, ...rest }) => rest); }} data-testid="account-purpose">
            <option value="monthly">{t('edit.accounts.purposes.monthly')}</option>
            <option value="one-off">{t('edit.accounts.purposes.one-off')}</option>
          </select>
          {errors.purpose && <span className="field-error" role="alert" data-testid="account-error-purpose">{errors.purpose}</span>}
        </div>
      </div>
      <ErrorMessage message={failure} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy} data-testid="account-save">{t('edit.accounts.save')}</button>
        <button type="button" onClick={onCancel} disabled={busy}>{t('edit.cancel')}</button>
      </div>
    </form>
  );
}
