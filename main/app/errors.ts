// The one error type every door prints (its Vietnamese line, then English), for the doors (which never import main/core).
export { AppError, isAppError } from '../core/errors';
