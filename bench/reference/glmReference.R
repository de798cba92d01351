# Reference fit for the engine's score model (issue 5): METHOD.md section 2 design built independently in R,
# fitted by glm(family = binomial) with METHOD.md's stopping rule (epsilon 1e-10, at most 50 iterations).
# Run from the repository root:
#   Rscript bench/reference/glmReference.R COHORT.csv COVARIATES.csv OUT
# COHORT.csv: record_id, treated (1/0), covariate columns as raw values (blank = missing), one row per analysis row.
# COVARIATES.csv: covariate,kind (categorical or numeric), in the analysis's order (base R reads no JSON).
# Writes OUT-fitted.csv (record_id, fitted probability, linear predictor) and OUT-coefficients.csv (name, estimate,
# SE, iterations, deviance, converged, warning); a column aliased with earlier ones has estimate and SE NA.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: Rscript bench/reference/glmReference.R COHORT.csv COVARIATES.csv OUT")
spec <- read.csv(args[2], stringsAsFactors = FALSE)
stopifnot(identical(names(spec), c("covariate", "kind")), all(spec$kind %in% c("categorical", "numeric")))
covariates <- spec$covariate
categorical <- covariates[spec$kind == "categorical"]
classes <- c(record_id = "character", treated = "integer", setNames(ifelse(spec$kind == "categorical", "character", "numeric"), covariates))
d <- read.csv(args[1], na.strings = "", stringsAsFactors = FALSE, colClasses = classes, check.names = FALSE)
stopifnot(all(covariates %in% names(d)), all(d$treated %in% 0:1))
pool <- d$treated == 0
X <- matrix(1, nrow(d), 1, dimnames = list(NULL, "(Intercept)"))
for (v in covariates) {
  x <- d[[v]]
  if (v %in% categorical) {
    x[is.na(x)] <- "(missing)"
    lv <- sort(unique(x[x != "(missing)"]), method = "radix")          # byte order
    if (any(x == "(missing)")) lv <- c(lv, "(missing)")               # (missing) last
    counts <- sapply(lv, function(l) sum(x == l))
    ref <- lv[which.max(counts)]                                      # first maximum = byte-order-first on ties
    for (l in setdiff(lv, ref)) X <- cbind(X, setNames(data.frame(as.numeric(x == l)), paste0(v, "=", l)))
  } else {
    miss <- is.na(x)
    x[miss] <- mean(x[pool & !miss])                                  # pool mean
    X <- cbind(X, setNames(data.frame(x), v))
    if (any(miss)) X <- cbind(X, setNames(data.frame(as.numeric(miss)), paste(v, "(missing)")))
  }
}
X <- as.matrix(X)
# Quasi-separation (e.g. a level with no treated record) makes glm.fit warn "fitted probabilities numerically 0
# or 1 occurred" while its deviance still meets the stopping rule: the fit is kept and the warning recorded, so
# the fixture shows what R said. Only a fit that runs out of iterations is refused.
warnings <- character(0)
fit <- withCallingHandlers(
  glm(d$treated ~ 0 + X, family = binomial(), control = glm.control(epsilon = 1e-10, maxit = 50)),
  warning = function(w) {
    warnings <<- c(warnings, conditionMessage(w))
    invokeRestart("muffleWarning")
  })
for (w in warnings) message("glm warning: ", w)
stopifnot(fit$converged)
est <- coef(fit)                                                      # NA for aliased columns
se <- rep(NA_real_, length(est))
se[!is.na(est)] <- summary(fit)$coefficients[, 2]
write.csv(data.frame(record_id = d$record_id, fitted = sprintf("%.17g", fitted(fit)),
                     eta = sprintf("%.17g", fit$linear.predictors)),
          paste0(args[3], "-fitted.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(name = colnames(X), estimate = sprintf("%.17g", est), se = sprintf("%.17g", se),
                     iterations = fit$iter, deviance = sprintf("%.17g", fit$deviance),
                     converged = fit$converged, warning = gsub(",", ";", paste(warnings, collapse = " | "))),
          paste0(args[3], "-coefficients.csv"), row.names = FALSE, quote = TRUE)
