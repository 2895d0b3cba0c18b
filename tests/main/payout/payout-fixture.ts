import { runCommand } from '../../../main/core/write-path';
import { beneficiaryTable, paymentAccountTable } from '../../../main/registry/synced-tables';
import { currentUnitId } from '../../../main/registry/admin-unit-reference';
import type { Services } from '../../../main/app/services';

export interface FixturePerson {
  fullName: string;
  village: string;
  birth: string;
  idNumber: string;
  categoryGroup: 'BTXH' | 'NCC' | 'TNCC';
  categoryLabel: string;
  monthlyAmount?: number;
  verified?: boolean;
  account?: 'self' | 'authorised' | null;
  /** The account's bank (default Agribank, 970405). */
  bank?: { bin: string; name: string };
  status?: 'active' | 'stopped' | 'deceased' | 'moved';
  statusDate?: string;
  permanentAddress?: string;
}

/** People written into the demo commune through the write path, as an import or a clerk would leave them. */
export function addPeople(services: Services, people: FixturePerson[]): string[] {
  const unitId = currentUnitId('13558');
  return runCommand(services.db, { userId: null, origin: 'system' }, 'fixture', (w) => people.map((p, i) => {
    const id = w.insert(beneficiaryTable, {
      unitId, fullName: p.fullName, village: p.village, birth: p.birth, idNumber: p.idNumber, categoryGroup: p.categoryGroup,
      categoryLabel: p.categoryLabel, monthlyAmount: p.monthlyAmount ?? null, status: p.status ?? 'active', statusDate: p.statusDate ?? null, permanentAddress: p.permanentAddress ?? null,
      verified: JSON.stringify(p.verified === false ? {} : { idNumber: 'chip' }), paymentChannel: p.account ? (p.account === 'self' ? 'bank' : 'authorised') : 'cash',
    });
    if (p.account) {
      w.insert(paymentAccountTable, { beneficiaryId: id, kind: 'bank', owner: p.account, bankBin: p.bank?.bin ?? '970405', bankName: p.bank?.name ?? 'Agribank',
        number: `1000${String(i).padStart(9, '0')}`, holderName: p.account === 'self' ? p.fullName.toUpperCase() : 'NGUYỄN VĂN UỶ QUYỀN' });
    }
    return id;
  })).result;
}
