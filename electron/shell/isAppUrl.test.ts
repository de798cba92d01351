import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl } from './appProtocol';

describe('isAppUrl', () => {
  it('takes the app origin and its paths, not an origin that merely starts the same', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}-evil/index.html`)).toBe(false);
    expect(isAppUrl(`${APP_ORIGIN}.evil.example/index.html`)).toBe(false);
    expect(isAppUrl('http://127.0.0.1/index.html')).toBe(false);
  });
});
