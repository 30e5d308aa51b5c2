/**
 * @module delivery/lanes
 * Per (incident, channel, recipient) ordering inside one publishing process: one version at a
 * time, in version order; a newer version supersedes an older one that is still waiting.
 */
import type { Outbox } from './store';

/** How a version's turn in its lane ended before it could send. */
export interface Superseded {
  readonly supersededBy: number;
}

/**
 * One version's turn in a lane. `ready` resolves `'go'` when the version holds the lane, or
 * {@link Superseded} when a newer version arrived first. While holding, `waiting(true)` marks a
 * pause (retry backoff) during which a newer version may supersede it: `signal` then aborts.
 */
export interface Turn {
  readonly version: number;
  readonly ready: Promise<'go' | Superseded>;
  /** Aborts when a newer version supersedes this one during a pause. */
  readonly signal: AbortSignal;
  /** The newer version that superseded this one, if any. */
  supersededBy(): number | undefined;
  /** Marks a pause (true) or the end of one (false); during a pause a newer version supersedes. */
  waiting(paused: boolean): void;
  /** Gives the lane to the next version; call exactly once, whatever happened. */
  leave(): void;
  /** Whether the lane's recipient may already have a message (first contact is `false`). */
  reached(): boolean;
  /** Marks the lane's recipient as reached (a version was sent, or may have been). */
  markReached(): void;
}

interface Waiter {
  version: number;
  resolve: (v: 'go' | Superseded) => void;
  /** Made on first use of `Turn.signal` (only a pause needs one): most turns never pause. */
  controller?: AbortController | undefined;
  paused: boolean;
  by?: number;
}

interface Lane {
  /** Newest version seen for this lane in this process (or in the outbox when planned). */
  newest: number;
  /** Whether this recipient may already have a message of the incident (sent, or unknown). */
  reached: boolean;
  holder?: Waiter | undefined;
  queue: Waiter[];
}

/** The lanes of one outbox in this process. */
export interface Lanes {
  /** Records what the outbox says about a lane: its newest version and whether it reached the recipient. */
  seed(key: string, newest: number, reached: boolean): void;
  /** Joins the lane with `version`; older waiting versions are superseded at once. */
  join(key: string, version: number): Turn;
}

const registry = new WeakMap<Outbox, Lanes>();

/**
 * The lane of a delivery: (incident, channel, recipient) for status versions. A side note (key
 * `<incident>/note-<id>/…`) has a lane of its own: it is not a version and supersedes nothing.
 * Derived from the delivery key (`<incident>/v<version>/<channel>/<recipient>`, each part
 * URI-encoded, so a `/` only ever separates parts): the key with its version part made `v`.
 *
 * @example
 * laneKey({ key: 'inc-1/v3/email/a%40example.com' }); // 'inc-1/v/email/a%40example.com'
 */
export const laneKey = ({ key }: { readonly key: string }): string => {
  const start = key.indexOf('/') + 1;
  if (key.startsWith('note-', start)) return key;
  const end = key.indexOf('/', start);
  return `${key.slice(0, start)}v${key.slice(end)}`;
};

/**
 * The in-process lanes of `outbox` (one registry per outbox, shared by every publish in this
 * process). A lane keeps two small facts for the life of the process (its newest version and
 * whether it reached the recipient), so a late older version is superseded even after the
 * newer one finished.
 */
export function lanesOf(outbox: Outbox): Lanes {
  let lanes = registry.get(outbox);
  if (!lanes) {
    lanes = createLanes();
    registry.set(outbox, lanes);
  }
  return lanes;
}

function supersede(w: Waiter, by: number): void {
  w.by = by;
  w.controller?.abort();
  w.resolve({ supersededBy: by });
}

/** Gives a lane to its next queued version, if any. */
function handOn(lane: Lane): void {
  lane.holder = undefined;
  // Joins supersede every older queued version, so the queue holds only the newest version
  // (more than one entry only when the same version was published twice at once).
  const next = lane.queue.shift();
  if (next) {
    lane.holder = next;
    next.resolve('go');
  }
}

/** The turn of a version that got its lane at once: nothing left to resolve. */
const GO: Promise<'go'> = Promise.resolve('go');
const settled = (): void => {};

class LaneTurn implements Turn {
  private left = false;
  constructor(
    readonly version: number,
    readonly ready: Promise<'go' | Superseded>,
    private readonly lane: Lane,
    private readonly w: Waiter,
  ) {}
  get signal(): AbortSignal {
    const w = this.w;
    if (!w.controller) {
      w.controller = new AbortController();
      if (w.by !== undefined) w.controller.abort();
    }
    return w.controller.signal;
  }
  supersededBy(): number | undefined {
    return this.w.by;
  }
  waiting(paused: boolean): void {
    this.w.paused = paused;
    if (paused && this.lane.newest > this.version && this.w.by === undefined)
      supersede(this.w, this.lane.newest);
  }
  reached(): boolean {
    return this.lane.reached;
  }
  markReached(): void {
    this.lane.reached = true;
  }
  leave(): void {
    if (this.left) return;
    this.left = true;
    const { lane, w } = this;
    if (lane.holder === w) handOn(lane);
    else lane.queue = lane.queue.filter((q) => q !== w);
  }
}

function createLanes(): Lanes {
  const lanes = new Map<string, Lane>();
  const laneOf = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { newest: 0, reached: false, queue: [] };
      lanes.set(key, lane);
    }
    return lane;
  };

  return {
    seed(key, newest, reached) {
      const lane = laneOf(key);
      lane.newest = Math.max(lane.newest, newest);
      lane.reached ||= reached;
    },
    join(key, version) {
      const lane = laneOf(key);
      if (version >= lane.newest && lane.holder === undefined && lane.queue.length === 0) {
        // The common case: a free lane. The turn is the holder at once.
        lane.newest = version;
        const w: Waiter = { version, resolve: settled, paused: false };
        lane.holder = w;
        return new LaneTurn(version, GO, lane, w);
      }
      let resolve!: (v: 'go' | Superseded) => void;
      const ready = new Promise<'go' | Superseded>((r) => {
        resolve = r;
      });
      const w: Waiter = { version, resolve, paused: false };
      if (version < lane.newest) {
        supersede(w, lane.newest);
      } else {
        lane.newest = version;
        if (lane.queue.length > 0)
          lane.queue = lane.queue.filter((q) => {
            if (q.version < version) supersede(q, version);
            return q.version >= version;
          });
        const holder = lane.holder;
        if (holder?.paused && holder.version < version) supersede(holder, version);
        if (lane.holder === undefined) {
          lane.holder = w;
          resolve('go');
        } else {
          lane.queue.push(w);
        }
      }
      return new LaneTurn(version, ready, lane, w);
    },
  };
}
