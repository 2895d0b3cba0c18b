// Who may do what. The renderer uses this to show only what a role may see; the main process enforces it.

// commune-leader: the commune's leader (chủ tịch / phó chủ tịch UBND xã) who approves and locks the monthly payout.
export const ROLES = ['commune-clerk', 'clinic-reception', 'district-staff', 'administrator', 'commune-leader'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'beneficiaries.read', // welfare data: never for clinic reception
  'beneficiaries.write',
  'card.read',
  'users.manage',
  'reports.read',
  'lists.export', // workbooks with personal data leave the machine: never for clinic reception
  'payout.approve', // approve and lock a month's roster: not the clerk who prepared it
  'clinic.check-in', // patients' visits and insurance lookups: clinic reception only, never commune clerks
  'lists.consolidate', // the office above the commune takes the communes' lists into its register
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  'commune-clerk': ['beneficiaries.read', 'beneficiaries.write', 'card.read', 'reports.read', 'lists.export'],
  'clinic-reception': ['card.read', 'clinic.check-in'],
  'district-staff': ['beneficiaries.read', 'reports.read', 'lists.export', 'lists.consolidate'],
  administrator: ['beneficiaries.read', 'beneficiaries.write', 'card.read', 'users.manage', 'reports.read', 'lists.export', 'payout.approve', 'lists.consolidate'],
  'commune-leader': ['beneficiaries.read', 'reports.read', 'lists.export', 'payout.approve'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
