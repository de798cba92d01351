// Logistic regression (binomial, logit link) by IRLS, step for step as R's glm.fit, so that the fitted
// probabilities agree with R's glm(family = binomial) to rounding (METHOD.md section 2).
import { choleskyFactor, choleskyInverseDiagonal, choleskySolve } from './cholesky';
import type { Design } from './designMatrix';
import type { CrossProductWorkspace } from './weightedCrossProduct';
import { CHUNK, crossProductWorkspace, linearPredictorChunk, setCoefficients, weightedCrossProduct } from './weightedCrossProduct';

// R's binomial()$linkinv and $mu.eta clamp eta beyond +/-30 (src/library/stats/src/family.c).
const THRESH = 30;
const MTHRESH = -30;
const DBL_EPSILON = 2.220446049250313e-16;
const INVEPS = 1 / DBL_EPSILON;

/** exp(eta) clamped as R's logit linkinv clamps it: mu = e / (1 + e). */
function clampedExp(eta: number): number {
  return eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
}

/** R's logit mu.eta: d mu / d eta = exp(eta) / (1 + exp(eta))^2, DBL_EPSILON beyond the thresholds; e = clampedExp(eta). */
function derivativeOfMean(eta: number, e: number): number {
  return eta > THRESH || eta < MTHRESH ? DBL_EPSILON : e / ((1 + e) * (1 + e));
}

/**
 * Stopping rule |dev - dev_old| / (|dev| + 0.1) < epsilon. R's glm.control default is 1e-8; METHOD.md sets
 * 1e-10 so that the fitted probabilities are converged well inside the 1e-8 agreement the tests require.
 */
export const DEFAULT_EPSILON = 1e-10;
export const DEFAULT_MAX_ITERATIONS = 50;
/** A fitted probability this close to 0 or 1 is reported as separation (R warns at 10 x machine epsilon). */
export const FITTED_BOUND = 1e-10;
/** A coefficient is reported as separated when |beta| exceeds this and its |z| is below SEPARATED_Z. */
export const SEPARATED_BETA = 10;
export const SEPARATED_Z = 1;

export interface LogisticFit {
  names: string[];
  coefficients: Float64Array;
  /** From the weights of the last IRLS step, as R's summary.glm. NaN when the last system was singular. */
  standardErrors: Float64Array;
  zValues: Float64Array;
  iterations: number;
  converged: boolean;
  deviance: number;
  /** eta = X beta: the logit of the propensity score, used for matching. */
  linearPredictor: Float64Array;
  fitted: Float64Array;
  separation: {
    /** Rows whose fitted probability is within FITTED_BOUND of 0 or 1 (R: "fitted probabilities numerically 0 or 1 occurred"). */
    fittedAtBounds: number;
    /** Design columns with |beta| > SEPARATED_BETA and |z| < SEPARATED_Z. */
    variables: string[];
  };
  /** Why the fit stopped early, when it did (e.g. a singular weighted cross-product). */
  problem: string | null;
}

export interface LogisticOptions {
  epsilon?: number;
  maxIterations?: number;
  onIteration?: (iteration: number, maxIterations: number) => void;
}

/**
 * One pass over the rows: eta (X beta, or R's start logit((y + 0.5) / 2) when beta is null), mu, the deviance, and
 * the next IRLS step's weights w = mu.eta^2 / (mu (1 - mu)) and working response z = eta + (y - mu) / mu.eta.
 * Returns the deviance, summed in row order.
 */
function irlsPass(design: Design, beta: Float64Array | null, y: Uint8Array, eta: Float64Array, mu: Float64Array,
  workspace: CrossProductWorkspace, w: Float64Array, z: Float64Array): number {
  const n = design.n;
  let deviance = 0;
  if (beta !== null) setCoefficients(design, beta, workspace);
  for (let s = 0; s < n; s += CHUNK) {
    const len = Math.min(CHUNK, n - s);
    if (beta !== null) linearPredictorChunk(design, beta, workspace, s, len);
    for (let i = s; i < s + len; i++) {
      if (beta === null) {
        const m0 = (y[i] + 0.5) / 2;
        eta[i] = Math.log(m0 / (1 - m0));
      }
      const e = clampedExp(eta[i]);
      const m = e / (1 + e);
      mu[i] = m;
      deviance += y[i] === 1 ? -2 * Math.log(m) : -2 * Math.log(1 - m);
      const d = derivativeOfMean(eta[i], e);
      z[i] = eta[i] + (y[i] - m) / d;
      w[i] = (d * d) / (m * (1 - m));
    }
  }
  return deviance;
}

/**
 * The IRLS state at R's start mu = (y + 0.5) / 2 and the first step's X'WX and X'Wz: the design's collinearity
 * check judges its columns on them (designMatrix.ts), and the fit takes them over (and its arrays) as its first step.
 */
export interface FirstStep {
  eta: Float64Array;
  mu: Float64Array;
  w: Float64Array;
  z: Float64Array;
  deviance: number;
  xtwx: Float64Array;
  xtwz: Float64Array;
  workspace: CrossProductWorkspace;
}

export function firstStep(design: Design, y: Uint8Array): FirstStep {
  const { n, p } = design;
  const workspace = crossProductWorkspace(design);
  const step: FirstStep = {
    // Written by every IRLS pass where the linear predictor's kernel adds the dense terms (linearPredictorChunk).
    eta: workspace.eta,
    mu: new Float64Array(n),
    // Written by every IRLS pass where the cross-product's kernels read them.
    w: workspace.w,
    z: workspace.z,
    deviance: 0,
    xtwx: new Float64Array(p * p),
    xtwz: new Float64Array(p),
    workspace,
  };
  step.deviance = irlsPass(design, null, y, step.eta, step.mu, step.workspace, step.w, step.z);
  weightedCrossProduct(design, step.w, step.z, step.xtwx, step.xtwz, step.workspace);
  return step;
}

/**
 * Fits P(y = 1) = 1 / (1 + exp(-X beta)) by IRLS started at mu = (y + 0.5) / 2 as R's glm. X'WX is gathered only
 * once the deviance says another step is needed (the converged pass gathers none: one cross-product in
 * iterations + 1 saved). `first`: the design's first step when the caller has it (buildDesign), else made here.
 */
export function fitLogistic(design: Design, y: Uint8Array, options: LogisticOptions & { first?: FirstStep | null } = {}): LogisticFit {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const { n, p } = design;
  const { eta, mu, w, z, xtwx, xtwz, workspace, deviance: startDeviance } = options.first ?? firstStep(design, y);

  let devOld = startDeviance;
  let beta: Float64Array = new Float64Array(p);
  let factor: Float64Array | null = null;
  let deviance = devOld;
  let converged = false;
  let iterations = 0;
  let problem: string | null = null;
  for (let iter = 1; iter <= maxIterations; iter++) {
    if (iter > 1) weightedCrossProduct(design, w, z, xtwx, xtwz, workspace);
    const l = choleskyFactor(xtwx, p);
    if (l === null) {
      problem = `the weighted cross-product became singular at iteration ${iter} (separation?)`;
      break;
    }
    factor = l;
    beta = choleskySolve(l, p, xtwz);
    iterations = iter;
    deviance = irlsPass(design, beta, y, eta, mu, workspace, w, z);
    options.onIteration?.(iter, maxIterations);
    if (Math.abs(deviance - devOld) / (Math.abs(deviance) + 0.1) < epsilon) {
      converged = true;
      break;
    }
    devOld = deviance;
  }

  const standardErrors = new Float64Array(p).fill(Number.NaN);
  if (factor !== null) {
    const diag = choleskyInverseDiagonal(factor, p);
    for (let j = 0; j < p; j++) standardErrors[j] = Math.sqrt(diag[j]);
  }
  const zValues = beta.map((b, j) => b / standardErrors[j]);
  let fittedAtBounds = 0;
  for (let i = 0; i < n; i++) if (mu[i] < FITTED_BOUND || mu[i] > 1 - FITTED_BOUND) fittedAtBounds++;
  const variables = design.names.filter((_, j) => Math.abs(beta[j]) > SEPARATED_BETA && Math.abs(zValues[j]) < SEPARATED_Z);
  return {
    names: design.names,
    coefficients: beta,
    standardErrors,
    zValues,
    iterations,
    converged,
    deviance,
    // A copy of its own: the workspace's eta is a view of the kernels' memory, which holds every dense column.
    linearPredictor: eta.slice(),
    fitted: mu,
    separation: { fittedAtBounds, variables },
    problem,
  };
}
