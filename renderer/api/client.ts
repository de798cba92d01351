// The renderer's only way to the service: the typed api over whichever transport is present
// (the Electron preload's `window.matchlab`, or the browser host's HTTP + WebSocket).
import type { ApiArgs, ApiEvent, ApiMethod, ApiResponse, ApiResult, ApiTransport, ApiErrorBody, NativeDialogs } from '../../shared/api';

declare global {
  interface Window {
    matchlab?: ApiTransport;
  }
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly details?: unknown;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.details = body.details;
  }
}

// The browser host's session (electron/host/browserHost.ts): the one-time launch code in the
// address's fragment is taken out of the address at once (history included) and exchanged for a
// token, which lives in this page's memory and goes out only in a header of our own requests,
// never in a cookie or a URL. A copy sits in sessionStorage so that reloading this tab keeps it:
// sessionStorage belongs to this tab and this origin (this host's port) alone, and dies with both.
const TOKEN_KEY = 'matchlab.session';
const NOT_SIGNED_IN = 'This tab is not signed in to Matchlab: open the address Matchlab printed (press Enter in its window for a new one).';

function takeLaunchCode(): string | null {
  const found = /^#launch=([\w-]+)$/.exec(location.hash);
  if (!found) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  return found[1];
}

async function exchangeLaunchCode(code: string): Promise<string | null> {
  const res = await fetch('/session', { method: 'POST', headers: { 'X-Matchlab-Launch': code } });
  if (!res.ok) return null;
  const { token } = (await res.json()) as { token: string };
  sessionStorage.setItem(TOKEN_KEY, token);
  return token;
}

function browserHostTransport(): ApiTransport {
  const launchCode = takeLaunchCode();
  let token: string | null = null;
  let signingIn: Promise<string | null> | null = null;
  // A new address pasted into this tab changes only the fragment (no page load): sign in with
  // its code and start again from it.
  window.addEventListener('hashchange', () => {
    const code = takeLaunchCode();
    if (code) void exchangeLaunchCode(code).then((t) => t && location.reload(), () => undefined);
  });

  async function sessionToken(): Promise<string | null> {
    if (token) return token;
    signingIn ??= (async () => {
      token = (launchCode ? await exchangeLaunchCode(launchCode) : null) ?? sessionStorage.getItem(TOKEN_KEY);
      return token;
    })();
    // A failed attempt (the host restarting) is not remembered.
    signingIn.then((t) => { if (!t) signingIn = null; }, () => { signingIn = null; });
    return signingIn;
  }

  const listeners = new Set<(e: ApiEvent) => void>();
  const reconnectListeners = new Set<() => void>();
  let connecting = false;
  let broken = false;
  const connect = async () => {
    connecting = true;
    const t = await sessionToken().catch(() => null);
    if (!t) {
      setTimeout(() => void connect(), 1000);
      return;
    }
    // Browsers cannot set headers on a WebSocket: the token travels as a second subprotocol.
    const socket = new WebSocket(`ws://${location.host}/events`, ['matchlab-events', `matchlab-token.${t}`]);
    socket.onmessage = (m) => listeners.forEach((l) => l(JSON.parse(m.data as string) as ApiEvent));
    // Events sent while the channel was down are lost: whoever listens re-reads what it shows.
    socket.onopen = () => {
      if (broken) reconnectListeners.forEach((l) => l());
      broken = false;
    };
    // The host can restart (or the laptop sleep): reconnect quietly.
    socket.onclose = () => {
      broken = true;
      setTimeout(() => void connect(), 1000);
    };
  };
  return {
    async request(method, args) {
      const t = await sessionToken();
      if (!t) return { ok: false, error: { code: 'forbidden', message: NOT_SIGNED_IN } };
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Matchlab-Token': t },
        body: JSON.stringify(args ?? {}),
      });
      if (res.status === 403) {
        // A token of an earlier run of the host (same port): forget it.
        sessionStorage.removeItem(TOKEN_KEY);
        token = null;
        signingIn = null;
        return { ok: false, error: { code: 'forbidden', message: NOT_SIGNED_IN } };
      }
      return (await res.json()) as ApiResponse<unknown>;
    },
    subscribe(listener) {
      if (!connecting) void connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}

const transport: ApiTransport = window.matchlab ?? browserHostTransport();

export async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  const response = await transport.request(method, args);
  if (!response.ok) throw new ApiCallError(response.error);
  return response.result as ApiResult<M>;
}

export function onEvent(listener: (event: ApiEvent) => void): () => void {
  return transport.subscribe(listener);
}

export function onReconnect(listener: () => void): () => void {
  return transport.onReconnect?.(listener) ?? (() => undefined);
}

/** The system's file dialogs where the shell has them (the desktop app); null in the browser host. */
export const nativeDialogs: NativeDialogs | null = transport.dialogs ?? null;
