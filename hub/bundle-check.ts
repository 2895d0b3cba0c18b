import { PROTOCOL_VERSION, versionProblem, type BundleCheckAnswer } from '../shared/sync/protocol';
import { activeDevice, officeOf } from './offices';
import { HubRefusal } from './hub-refusal';
import type { HubStore } from './store';

// Before an office above the commune relays a commune's USB bundle, it asks the hub who made it: the office cannot
// read the bundle (encrypted to the hub), but with the writer's public key it checks the signature itself, and with
// the writer's office it tells the clerk, in the preview and before anything is applied, that a bundle is from a
// device the hub does not know, a revoked one, or a commune outside its area.

export async function checkBundleDevice(store: HubStore, askingDevice: string, request: { v: number; device: string }): Promise<BundleCheckAnswer> {
  const problem = versionProblem(request?.v);
  if (problem) throw new HubRefusal(400, 'version', problem.vi, problem.en);
  const asking = await activeDevice(store, askingDevice);
  const area = (await officeOf(store, asking.office_id)).area;
  const [device] = await store.query<{ office_id: string; sign_key: string; revoked: boolean }>(
    'SELECT office_id, sign_key, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1', [String(request.device ?? '')]);
  if (!device) return { v: PROTOCOL_VERSION, device: 'unknown', signKey: null, office: null, area };
  const office = await officeOf(store, device.office_id);
  return { v: PROTOCOL_VERSION, device: device.revoked ? 'revoked' : 'active', signKey: device.sign_key, office: { unitId: office.unitId, name: office.name, area: office.area }, area };
}
