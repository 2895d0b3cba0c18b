import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardReadOutput } from '../../shared/contract/card';
import { formatBirth } from '../../shared/format/dates';
import { formatIdNumber } from '../../shared/format/id-number';

const PERSON_FIELDS = [
  'fullName', 'idNumber', 'birth', 'oldIdNumber', 'sex', 'nationality', 'ethnicity', 'religion', 'hometown', 'permanentAddress',
  'issueDate', 'expiryDate', 'father', 'mother', 'spouse', 'identifyingMarks',
] as const;

type PersonField = (typeof PERSON_FIELDS)[number];
const WIDE = new Set<PersonField>(['hometown', 'permanentAddress', 'identifyingMarks']);

function shown(field: PersonField, value: string | null, t: (k: string) => string): string {
  if (!value) return '';
  if (field === 'birth' || field === 'issueDate' || field === 'expiryDate') return formatBirth(value);
  if (field === 'idNumber' || field === 'oldIdNumber') return formatIdNumber(value);
  if (field === 'sex') return t(`sex.${value}`);
  return value;
}

/** What the chip said, with its photo, and whether its signature checked out — stated plainly, never assumed. */
export function CardResult({ read }: { read: CardReadOutput }) {
  const { t } = useTranslation();
  const { trust } = read;
  const value = (v: string) => t(`card.trustValues.${v}`, { defaultValue: v });
  // Every hash and the signature good, but the signer chains to no imported CSCA: not verified (issue 13's rule).
  const signedUnchecked = !read.verified && trust.signature === 'valid' && trust.chain !== 'invalid'
    && Object.values(trust.hashes).length > 0 && Object.values(trust.hashes).every((h) => h === 'valid');
  // A portrait the browser cannot decode (some chips store JPEG 2000) is said so, not shown as a broken image.
  const [undecodable, setUndecodable] = useState(false);
  return (
    <section className="panel card-result" aria-labelledby="card-result-title" data-testid="card-result">
      <h2 id="card-result-title">{t('card.resultTitle')}</h2>
      <div className={`trust-banner ${read.verified ? 'trust-ok' : 'trust-warn'}`} role="status" data-testid="card-trust" data-verified={read.verified}>
        <strong>{read.verified ? t('card.verified') : signedUnchecked ? t('card.signedUnchecked') : t('card.unverified')}</strong>
        <span>{read.verified ? t('card.verifiedDetail') : signedUnchecked ? t('card.signedUncheckedDetail') : t('card.unverifiedDetail')}</span>
      </div>
      <div className="card-person">
        <div className="card-photo">
          {read.photo && !undecodable
            ? <img src={read.photo} alt={t('card.photoAlt')} data-testid="card-photo" onError={() => setUndecodable(true)} />
            : <div className="no-photo muted" data-testid="card-no-photo">{read.photo ? t('card.photoUndecodable') : t('card.noPhoto')}</div>}
        </div>
        <dl className="fields card-fields">
          {PERSON_FIELDS.map((f) => {
            const text = shown(f, read.person[f], t);
            return (
              <div className={`field${WIDE.has(f) ? ' wide' : ''}`} key={f} data-testid={`card-field-${f}`}>
                <dt>{t(`card.person.${f}`)}</dt>
                <dd className={f === 'idNumber' || f === 'oldIdNumber' ? 'mono' : f === 'fullName' ? 'strong' : ''}>
                  {text || <span className="muted">{t('common.none')}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      </div>
      <details className="trust-details" open={!read.verified} data-testid="trust-details">
        <summary>{t('card.trustDetails')}</summary>
        <table className="table compact">
          <tbody>
            <tr>
              <th scope="row">{t('card.trust.hashes')}</th>
              <td>{Object.entries(trust.hashes).map(([dg, v]) => (
                <span key={dg} className={`trust-item trust-${v}`}>{dg}: {value(v)}</span>
              ))}</td>
            </tr>
            <tr><th scope="row">{t('card.trust.signature')}</th><td className={`trust-${trust.signature}`}>{value(trust.signature)}</td></tr>
            <tr><th scope="row">{t('card.trust.chain')}</th><td className={`trust-${trust.chain}`}>{value(trust.chain)}</td></tr>
            <tr><th scope="row">{t('card.trust.activeAuthentication')}</th><td className={`trust-${trust.activeAuthentication}`}>{value(trust.activeAuthentication)}</td></tr>
            <tr><th scope="row">{t('card.trust.chipAuthentication')}</th><td className={`trust-${trust.chipAuthentication}`}>{value(trust.chipAuthentication)}</td></tr>
            <tr><th scope="row">{t('card.trust.access')}</th><td>{read.access}</td></tr>
          </tbody>
        </table>
      </details>
    </section>
  );
}
