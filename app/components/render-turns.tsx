import { createContext, Suspense, useContext, useId, type ReactNode } from "react";

// React renders a page on the server in one turn of the event loop: at 100,000 cases the pattern
// page's ~50 ms (more under load) held every other request (decision 030). A section wrapped in
// <LaterTurn> is rendered in a turn of its own, one section a turn, so requests waiting in
// between get theirs. The page still leaves complete (streamPage waits for every section), so
// it reads the same without JavaScript; the browser hydrates the sections as usual.

/** One page render's sections waiting for their turn (server only; made per request). */
export class RenderTurns {
  private readonly passed = new Set<string>();
  private readonly waiting = new Map<string, Promise<void>>();
  private readonly queue: (() => void)[] = [];
  private chain = false;

  /** Whether the section may render now; the first time it does, the next one is let go. */
  pass(id: string) {
    if (!this.passed.has(id)) return false;
    if (this.waiting.delete(id)) this.releaseNext();
    return true;
  }

  /** Resolves in a later turn, after the sections queued before it. */
  wait(id: string): Promise<void> {
    let turn = this.waiting.get(id);
    if (!turn) {
      turn = new Promise<void>((resolve) => {
        this.queue.push(() => {
          this.passed.add(id);
          resolve();
        });
      });
      this.waiting.set(id, turn);
      if (!this.chain) {
        this.chain = true;
        setImmediate(() => this.releaseNext());
      }
    }
    return turn;
  }

  // Released while the section before it renders: React wakes the released section in a
  // microtask after that render and renders it in the next turn (setImmediate), so each section
  // costs the page one turn of the event loop, not two.
  private releaseNext() {
    const release = this.queue.shift();
    this.chain = release !== undefined;
    release?.();
  }
}

const TurnsContext = createContext<RenderTurns | null>(null);
export const RenderTurnsProvider = TurnsContext.Provider;

function Gate({ children }: { children: ReactNode }) {
  const turns = useContext(TurnsContext);
  // Stable across React's retry of this part of the tree (the same place in the tree).
  const id = useId();
  // Suspending on a promise is how a server render waits (React 18); in the browser there is
  // no provider and the section renders at once.
  if (turns && !turns.pass(id)) throw turns.wait(id);
  return <>{children}</>;
}

/** Renders `children` in a later turn of the server's event loop; no difference in the browser. */
export function LaterTurn({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <Gate>{children}</Gate>
    </Suspense>
  );
}
