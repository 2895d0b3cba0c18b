// Who may do what. The renderer uses this to show only what a role may see; the main process enforces it.

export const ROLES = ['commune-clerk', 'clinic-reception', 'district-staff', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'beneficiaries.read', // welfare data: never for clinic reception
  'beneficiaries.write',
  'card.read',
  'users.manage',
  'reports.read',
  'lists.export', // workbooks with personal data leave the machine: never for clinic reception
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  'commune-clerk': ['beneficiaries.read', 'beneficiaries.write', 'card.read', 'reports.read', 'lists.export'],
  'clinic-reception': ['card.read'],
  'district-staff': ['beneficiaries.read', 'reports.read', 'lists.export'],
  administrator: ['beneficiaries.read', 'beneficiaries.write', 'card.read', 'users.manage', 'reports.read', 'lists.export'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
