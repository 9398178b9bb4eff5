import { TongbanError } from './tongban-error.ts';

/** The clock can only be moved when the runtime runs on a virtual clock (`--virtual-clock`). HTTP 409. */
export class ClockNotVirtualError extends TongbanError {
  constructor() {
    super('clock-not-virtual', 409, 'The clock is the system clock; start with --virtual-clock to move it');
  }
}
