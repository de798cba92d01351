// The dense part of weightedCrossProduct.ts as WebAssembly SIMD: each instruction multiplies or adds two rows' values
// at once (f64x2), where the JavaScript loop it replaces did one: 0.14-0.2 ns per multiply-add against 0.7-0.9 ns on
// the 2-core machines Matchlab is measured on. Hand-assembled, because the kernels are five short loops
// and a WebAssembly toolchain would be a build step of its own; the encoding is the WebAssembly core and SIMD
// specifications' (0xfd-prefixed opcodes).
//
// Every kernel works on arrays of doubles in one WebAssembly.Memory, given as byte offsets, over an even number of
// rows (`bytes` = 8 x rows): the even rows are summed in one lane and the odd rows in the other, and a sum is added to
// its output as out + (even + odd). The order depends on the rows' order only, so a result is the same on every run.
//   weighted(x, w, dst, bytes):            dst_r = w_r x_r
//   dots2x4(a, b, x0..x3, bytes, oa, ob):  oa[k] += sum_r a_r xk_r, ob[k] += sum_r b_r xk_r, k = 0..3
//   dots1x4(a, x0..x3, bytes, oa):         oa[k] += sum_r a_r xk_r
//   dot1(a, x, bytes, oa):                 oa[0] += sum_r a_r x_r
//   scaledAdd(x, c, dst, bytes):           dst_r = dst_r + c x_r, c the double at byte offset c (the IRLS pass's
//                                          linear predictor: each lane as JavaScript's dst[r] += c * x[r], bit for bit)

const I32 = 0x7f;
const V128 = 0x7b;

/** Unsigned LEB128. */
function u(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

const name = (text: string): number[] => [...u(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...u(items.length), ...items.flat()];
const section = (id: number, content: number[]): number[] => [id, ...u(content.length), ...content];

// Instructions.
const get = (l: number) => [0x20, ...u(l)];
const set = (l: number) => [0x21, ...u(l)];
const simd = (op: number) => [0xfd, ...u(op)];
const i32Add = [0x6a];
const i32Const = (v: number) => [0x41, ...u(v)]; // small non-negative values only (their signed LEB128 is the same below 64)
const i32GeU = [0x4f];
const load = (addr: number[]) => [...addr, ...simd(0x00), 4, 0]; // v128.load, 16-byte aligned, offset 0
const store = (addr: number[], value: number[]) => [...addr, ...value, ...simd(0x0b), 4, 0]; // v128.store
const f64x2Add = simd(0xf0);
const f64x2Mul = simd(0xf2);
const zero = [0x44, 0, 0, 0, 0, 0, 0, 0, 0, ...simd(0x14)]; // f64.const 0, f64x2.splat
const lane = (l: number, k: number) => [...get(l), ...simd(0x21), k]; // f64x2.extract_lane

/** for (i = 0; i < bytes; i += 16) body, with i and bytes locals. */
function rows(i: number, bytes: number, body: number[]): number[] {
  return [
    0x02, 0x40, 0x03, 0x40, // block, loop
    ...get(i), ...get(bytes), ...i32GeU, 0x0d, 1, // br_if out of the block
    ...body,
    ...get(i), ...i32Const(16), ...i32Add, ...set(i),
    0x0c, 0, 0x0b, 0x0b, // br to the loop; end loop; end block
  ];
}

/** out[k] (k-th double at byte offset `out`) += lane 0 + lane 1 of the sum in local s. */
function addLanes(out: number, k: number, s: number): number[] {
  const at = [0x39, 3, ...u(8 * k)]; // f64.store, 8-byte aligned, offset 8k
  return [...get(out), ...get(out), 0x2b, 3, ...u(8 * k), ...lane(s, 0), ...lane(s, 1), 0xa0, 0xa0, ...at]; // f64.load, f64.add x 2
}

interface Kernel {
  params: number;
  /** Locals after the parameters: an i32 row offset, then v128s. */
  v128s: number;
  body: number[];
}

/** Dot products of `lefts` left-hand rows (parameters 0 ..) with four or one columns; sums in v128 locals. */
function dotsKernel(lefts: number, columns: number): Kernel {
  const xs = lefts; // first column parameter
  const bytes = lefts + columns;
  const outs = bytes + 1;
  const params = outs + lefts;
  const i = params;
  const sums = i + 1; // lefts x columns accumulators
  const values = sums + lefts * columns; // this row pair's left-hand values, then column values
  const loads: number[] = [];
  for (let l = 0; l < lefts; l++) loads.push(...load([...get(l), ...get(i), ...i32Add]), ...set(values + l));
  for (let k = 0; k < columns; k++) loads.push(...load([...get(xs + k), ...get(i), ...i32Add]), ...set(values + lefts + k));
  const products: number[] = [];
  for (let l = 0; l < lefts; l++) {
    for (let k = 0; k < columns; k++) {
      const s = sums + l * columns + k;
      products.push(...get(s), ...get(values + l), ...get(values + lefts + k), ...f64x2Mul, ...f64x2Add, ...set(s));
    }
  }
  const body: number[] = [];
  for (let s = 0; s < lefts * columns; s++) body.push(...zero, ...set(sums + s));
  body.push(...rows(i, bytes, [...loads, ...products]));
  for (let l = 0; l < lefts; l++) for (let k = 0; k < columns; k++) body.push(...addLanes(outs + l, k, sums + l * columns + k));
  return { params, v128s: lefts * columns + lefts + columns, body };
}

/** weighted(x, w, dst, bytes). */
function weightedKernel(): Kernel {
  const [x, w, dst, bytes, i] = [0, 1, 2, 3, 4];
  const at = (p: number) => [...get(p), ...get(i), ...i32Add];
  return { params: 4, v128s: 0, body: rows(i, bytes, store(at(dst), [...load(at(w)), ...load(at(x)), ...f64x2Mul])) };
}

/** scaledAdd(x, c, dst, bytes): c loaded into both lanes once (v128.load64_splat), then dst + c x row pair by row pair. */
function scaledAddKernel(): Kernel {
  const [x, c, dst, bytes, i, coefficient] = [0, 1, 2, 3, 4, 5];
  const at = (p: number) => [...get(p), ...get(i), ...i32Add];
  const splat = [...get(c), ...simd(0x0a), 3, 0, ...set(coefficient)]; // v128.load64_splat, 8-byte aligned, offset 0
  return { params: 4, v128s: 1, body: [...splat, ...rows(i, bytes, store(at(dst), [...load(at(dst)), ...get(coefficient), ...load(at(x)), ...f64x2Mul, ...f64x2Add]))] };
}

const KERNELS: Record<'weighted' | 'dots2x4' | 'dots1x4' | 'dot1' | 'scaledAdd', Kernel> = {
  weighted: weightedKernel(),
  dots2x4: dotsKernel(2, 4),
  dots1x4: dotsKernel(1, 4),
  dot1: dotsKernel(1, 1),
  scaledAdd: scaledAddKernel(),
};

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const kernels = Object.values(KERNELS);
  const types = kernels.map((k) => [0x60, ...vec(Array.from({ length: k.params }, () => [I32])), 0]);
  const imports = vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0]]); // a memory, no maximum, at least 0 pages
  const functions = vec(kernels.map((_, k) => u(k)));
  const exports = vec(Object.keys(KERNELS).map((key, k) => [...name(key), 0x00, ...u(k)]));
  const code = vec(kernels.map((k) => {
    const locals = vec(k.v128s > 0 ? [[1, I32], [...u(k.v128s), V128]] : [[1, I32]]);
    const func = [...locals, ...k.body, 0x0b];
    return [...u(func.length), ...func];
  }));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(1, vec(types)), ...section(2, imports),
    ...section(3, functions), ...section(7, exports), ...section(10, code)]);
}

export interface CrossProductKernels {
  memory: WebAssembly.Memory;
  weighted(x: number, w: number, dst: number, bytes: number): void;
  dots2x4(a: number, b: number, x0: number, x1: number, x2: number, x3: number, bytes: number, oa: number, ob: number): void;
  dots1x4(a: number, x0: number, x1: number, x2: number, x3: number, bytes: number, oa: number): void;
  dot1(a: number, x: number, bytes: number, oa: number): void;
  scaledAdd(x: number, c: number, dst: number, bytes: number): void;
}

let compiled: WebAssembly.Module | null = null;

/** The kernels over a new memory of at least `bytes` bytes (compiled once per thread: a few hundred bytes of code). */
export function crossProductKernels(bytes: number): CrossProductKernels {
  compiled ??= new WebAssembly.Module(moduleBytes());
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65536) });
  const { exports } = new WebAssembly.Instance(compiled, { env: { memory } });
  return { memory, ...(exports as unknown as Omit<CrossProductKernels, 'memory'>) };
}
