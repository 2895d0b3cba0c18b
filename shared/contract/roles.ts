// Who may do what. The renderer uses this to show only what a role may see; the main process enforces it.

export const ROLES = ['commune-clerk', 'clinic-reception', 'district-staff', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'beneficiaries.read', // welfare data: never for clinic reception
  'beneficiaries.write',
  'card.read',
  'users.manage',
  'reports.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  'commune-clerk': ['beneficiaries.read', 'beneficiaries.write', 'card.read', 'reports.read'],
  'clinic-reception': ['card.read'],
  'district-staff': ['beneficiaries.read', 'reports.read'],
  administrator: ['beneficiaries.read', 'beneficiaries.write', 'card.read', 'users.manage', 'reports.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
