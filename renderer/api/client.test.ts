// @vitest-environment jsdom
// The browser host's event channel: when it breaks and comes back, the app is told so that it re-reads its state
// (events sent meanwhile are lost); the first connection is no reconnection. Each connection carries the tab's
// session token as its second subprotocol (a browser cannot set headers on a WebSocket).
import { afterEach, describe, expect, it, vi } from 'vitest';

class FakeSocket {
  static made: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.made.push(this);
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the browser host transport', () => {
  it('calls the reconnect listeners when the event channel is back after a break, not on the first connection', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    // The tab signed in earlier (a reload keeps its token in sessionStorage).
    sessionStorage.setItem('matchlab.session', 'tab-token');
    const { onEvent, onReconnect } = await import('./client');
    const events: unknown[] = [];
    const reconnected = vi.fn();
    onEvent((e) => events.push(e));
    onReconnect(reconnected);
    await vi.advanceTimersByTimeAsync(0);
    const first = FakeSocket.made[0];
    expect(first.protocols).toEqual(['matchlab-events', 'matchlab-token.tab-token']);
    first.onopen!();
    expect(reconnected).not.toHaveBeenCalled();
    first.onmessage!({ data: JSON.stringify({ type: 'store', store: null }) });
    expect(events).toEqual([{ type: 'store', store: null }]);

    first.onclose!();
    await vi.advanceTimersByTimeAsync(1000);
    const second = FakeSocket.made[1];
    expect(second).toBeDefined();
    second.onopen!();
    expect(reconnected).toHaveBeenCalledTimes(1);
    // Events keep flowing on the new connection.
    second.onmessage!({ data: JSON.stringify({ type: 'store', store: null }) });
    expect(events).toHaveLength(2);
  });
});
