export { ApiRequestError } from './api-request.error.ts';
export { ApiUnreachableError } from './api-unreachable.error.ts';
export { SimulationError } from './simulation.error.ts';
export type { ApiErrorCode, SimulationErrorCode } from './simulation.error.ts';
