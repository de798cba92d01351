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

function browserHostTransport(): ApiTransport {
  const listeners = new Set<(e: ApiEvent) => void>();
  const reconnectListeners = new Set<() => void>();
  let socket: WebSocket | null = null;
  let broken = false;
  const connect = () => {
    socket = new WebSocket(`ws://${location.host}/events`);
    socket.onmessage = (m) => listeners.forEach((l) => l(JSON.parse(m.data as string) as ApiEvent));
    // Events sent while the channel was down are lost: whoever listens re-reads what it shows.
    socket.onopen = () => {
      if (broken) reconnectListeners.forEach((l) => l());
      broken = false;
    };
    // The host can restart (or the laptop sleep): reconnect quietly.
    socket.onclose = () => {
      broken = true;
      setTimeout(connect, 1000);
    };
  };
  return {
    async request(method, args) {
      const res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
      if (res.status === 403) return { ok: false, error: { code: 'forbidden', message: 'This page is not allowed to talk to Matchlab: open the address Matchlab printed.' } };
      return (await res.json()) as ApiResponse<unknown>;
    },
    subscribe(listener) {
      if (!socket) connect();
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
