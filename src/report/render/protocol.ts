// Messages between the server thread and a render worker.
import type { WireError } from '../../core/wire-error.ts';

export interface RenderRequest {
  module: string;
  fn: string;
  args: unknown[];
}

export type RenderReply = { result: unknown } | { error: WireError };
