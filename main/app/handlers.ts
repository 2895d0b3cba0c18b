import type { z } from 'zod';
import type { Contract, MethodName, MethodOutput } from '../../shared/contract/methods';
import type { User } from '../../shared/contract/accounts';
import type { Actor } from '../core/write-path';
import { listUnits } from '../registry/admin-unit-queries';
import type { Services } from './services';

export interface CallContext {
  /** The signed-in user, for methods that need a session. */
  user: User | null;
  token: string | null;
  actor: Actor;
}

type Handler<M extends MethodName> = (services: Services, input: z.output<Contract[M]['input']>, ctx: CallContext) => MethodOutput<M>;

/** Each contract method, bound to the service that does the work. Validation and permissions happen in dispatch. */
export const handlers: { [M in MethodName]: Handler<M> } = {
  'app.info': (s) => {
    const unitId = s.metaValue('office.unitId');
    const unitName = unitId ? listUnits(s.db.sqlite, [unitId])[0]?.name ?? null : null;
    return { version: s.version, needsSetup: s.accounts.needsSetup(), unitName, demo: s.metaValue('demo') === '1' };
  },
  'setup.createAdministrator': (s, input, ctx) => s.accounts.createFirstAdministrator(ctx.actor, input),
  'auth.login': (s, input) => s.accounts.login(input.username, input.password),
  'auth.logout': (s, _input, ctx) => {
    s.accounts.logout(ctx.token);
    return { ok: true as const };
  },
  'auth.unlock': (s, input, ctx) => s.accounts.unlock(ctx.token, input.password),
  'auth.me': (_s, _input, ctx) => ctx.user!,
  'units.list': (s, _input, ctx) => listUnits(s.db.sqlite, s.accounts.unitScope(ctx.user!)),
  'users.list': (s) => s.accounts.listUsers(),
  'users.create': (s, input, ctx) => s.accounts.createUser(ctx.actor, input),
  'beneficiaries.list': (s, input, ctx) => s.registry.list({ unitIds: s.accounts.unitScope(ctx.user!) }, input),
  'beneficiaries.facets': (s, _input, ctx) => s.registry.facets({ unitIds: s.accounts.unitScope(ctx.user!) }),
  'beneficiaries.get': (s, input, ctx) => s.registry.get({ unitIds: s.accounts.unitScope(ctx.user!) }, input.id),
  'beneficiaries.history': (s, input, ctx) => s.registry.history({ unitIds: s.accounts.unitScope(ctx.user!) }, input.id),
};
