# Reference fit for the engine's score model (issue 5): METHOD.md section 2 design built independently in R,
# fitted by glm(family = binomial) with METHOD.md's stopping rule (epsilon 1e-10, at most 50 iterations).
# Run from the repository root:  Rscript bench/reference/glmReference.R
# Reads bench/reference/cohort.csv, writes bench/reference/glm-fitted.csv and bench/reference/glm-coefficients.csv.
d <- read.csv("bench/reference/cohort.csv", na.strings = "", stringsAsFactors = FALSE,
              colClasses = c(record_id = "character"))
covariates <- c("age_at_index", "ethnicity", "uk_national", "index_offence", "index_disposal",
                "prev_custodial", "prev_offences", "prev_violent",
                sort(grep("^oasys_", names(d), value = TRUE), method = "radix"))
categorical <- c("ethnicity", "index_offence", "index_disposal")
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
fit <- glm(d$treated ~ 0 + X, family = binomial(), control = glm.control(epsilon = 1e-10, maxit = 50))
stopifnot(fit$converged)
s <- summary(fit)$coefficients
write.csv(data.frame(record_id = d$record_id, fitted = sprintf("%.17g", fitted(fit)),
                     eta = sprintf("%.17g", fit$linear.predictors)),
          "bench/reference/glm-fitted.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(name = colnames(X), estimate = sprintf("%.17g", s[, 1]), se = sprintf("%.17g", s[, 2]),
                     iterations = fit$iter, deviance = sprintf("%.17g", fit$deviance)),
          "bench/reference/glm-coefficients.csv", row.names = FALSE, quote = TRUE)
