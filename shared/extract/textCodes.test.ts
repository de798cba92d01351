import { describe, expect, it } from 'vitest';
import { TextCodes, textHash } from './textCodes';

describe('TextCodes', () => {
  it('hashes as FNV-1a', () => {
    // The published FNV-1a 32-bit values: the offset basis for '', 0xe40c292c for 'a'.
    expect(textHash('') >>> 0).toBe(2166136261);
    expect(textHash('a') >>> 0).toBe(0xe40c292c);
  });

  it('numbers texts by first appearance, as a Map would, through growth and in any order', () => {
    const texts = Array.from({ length: 20_000 }, (_, k) => `1989/${String((k * 7919) % 6007).padStart(7, '0')}W`);
    const codes = new TextCodes();
    const byMap = new Map<string, number>();
    for (const t of texts) {
      if (!byMap.has(t)) byMap.set(t, byMap.size);
      expect(codes.codeOf(t)).toBe(byMap.get(t));
    }
    expect(codes.size).toBe(6007);
    expect(codes.texts).toEqual([...byMap.keys()]);
  });

  it('tells apart texts whose hashes are equal', () => {
    expect(textHash('P329599')).toBe(textHash('P532382'));
    const codes = new TextCodes();
    expect([codes.codeOf('P329599'), codes.codeOf('P532382'), codes.codeOf('P329599'), codes.codeOf('P532382')]).toEqual([0, 1, 0, 1]);
  });

  it('finds the code of a text without adding it: -1 for a text never seen, also one whose hash a seen text shares', () => {
    const codes = new TextCodes();
    for (let k = 0; k < 5000; k++) codes.codeOf(`P${k}`);
    codes.codeOf('P329599');
    expect(codes.find('P4321')).toBe(4321);
    expect(codes.find('P329599')).toBe(5000);
    expect(codes.find('P532382')).toBe(-1);
    expect(codes.find('')).toBe(-1);
    expect(codes.size).toBe(5001);
  });
});
