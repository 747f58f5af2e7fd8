# Reference values for Benjamini-Hochberg adjusted p-values (src/core/review/fdr.ts), from R's
# own stats::p.adjust(p, method = "BH"), independently of the TypeScript code.
# Cases: a hand-worked portfolio, ties, p = 0, p = 1, n = 1, NA (left out of n, as p.adjust's
# default n = sum(!is.na(p))), all equal, and seeded uniform and mixed p-values.
# Output: test/fixtures/bh_reference.json (committed; CI needs no R).
#
#   Rscript test/reference/generate_bh.R      # needs only base R (apt-get install r-base-core)

set.seed(20261124)
cases <- list(
  list(name = "hand-worked portfolio of 7", p = c(0.01, 0.04, 0.03, 0.005, 0.20, 0.04, 0.5)),
  list(name = "ties", p = c(0.02, 0.02, 0.02, 0.5, 0.01, 0.01)),
  list(name = "p = 0 and p = 1", p = c(0, 1, 0.3, 1, 0, 0.049)),
  list(name = "n = 1", p = c(0.03)),
  list(name = "n = 1, p = 1", p = c(1)),
  list(name = "all equal", p = rep(0.04, 5)),
  list(name = "with NA", p = c(0.01, NA, 0.04, 0.03, NA)),
  list(name = "seeded uniform, 40", p = runif(40)),
  list(name = "seeded mixed, 25", p = c(runif(15), runif(10) / 200))
)

num <- function(x) {
  if (is.na(x)) return("null")
  trimws(formatC(x, digits = 17, format = "g"))
}
vec <- function(v) paste0("[", paste(vapply(v, num, ""), collapse = ", "), "]")

out <- vapply(cases, function(k) {
  q <- p.adjust(k$p, method = "BH")
  sprintf('    {"name": "%s", "p": %s, "q": %s}', k$name, vec(k$p), vec(q))
}, "")

here <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))
path <- file.path(here, "..", "fixtures", "bh_reference.json")
writeLines(c("{", sprintf('  "generator": "test/reference/generate_bh.R, %s, stats::p.adjust(p, \\"BH\\")",', R.version.string), '  "cases": [', paste(out, collapse = ",\n"), "  ]", "}"), path)
cat("wrote", path, "\n")
