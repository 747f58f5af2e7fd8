"""SciPy's FFT cross-correlation, timed beside KPI Lens's Pearson LEADLAG_CORR (npm run bench).

Reads two float64 series (NaN for a blank) and the largest lag; prints JSON with the best of a
few timings of two ways a SciPy user computes Pearson r at every lag by FFT:
- "bare": the cross products alone, one correlation (two rfft and one irfft): the lower bound;
- "masked": r over the pairwise-complete periods of each lag, exact with gaps: the sums of x,
  x², y, y² and the pair counts are correlations with the masks, so six rfft and six irfft.
Both use scipy.fft with next_fast_len, as SciPy's own fftconvolve does.
"""
import json
import sys
import time

import numpy as np
import scipy.fft as F


def correlate(A, B, size, lags):
    return F.irfft(np.conj(A) * B, size)[: lags + 1]


def bare(x, y, lags):
    n = len(x)
    size = F.next_fast_len(n + lags, real=True)
    xz = np.nan_to_num(x - np.nanmean(x))
    yz = np.nan_to_num(y - np.nanmean(y))
    return correlate(F.rfft(xz, size), F.rfft(yz, size), size, lags)


def masked(x, y, lags):
    n = len(x)
    size = F.next_fast_len(n + lags, real=True)
    mx = (~np.isnan(x)).astype(float)
    my = (~np.isnan(y)).astype(float)
    xz = np.nan_to_num(x - np.nanmean(x))
    yz = np.nan_to_num(y - np.nanmean(y))
    X, X2, MX = F.rfft(xz, size), F.rfft(xz * xz, size), F.rfft(mx, size)
    Y, Y2, MY = F.rfft(yz, size), F.rfft(yz * yz, size), F.rfft(my, size)
    m = np.rint(correlate(MX, MY, size, lags))
    sx, sxx = correlate(X, MY, size, lags), correlate(X2, MY, size, lags)
    sy, syy = correlate(MX, Y, size, lags), correlate(MX, Y2, size, lags)
    sxy = correlate(X, Y, size, lags)
    cxx, cyy, cxy = sxx - sx * sx / m, syy - sy * sy / m, sxy - sx * sy / m
    return cxy / np.sqrt(cxx * cyy)


def best(f, *args):
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = f(*args)
        times.append((time.perf_counter() - start) * 1000)
    return min(times), result


if __name__ == "__main__":
    x = np.fromfile(sys.argv[1], dtype=np.float64)
    y = np.fromfile(sys.argv[2], dtype=np.float64)
    lags = int(sys.argv[3])
    bare_ms, _ = best(bare, x, y, lags)
    masked_ms, r = best(masked, x, y, lags)
    print(json.dumps({"bare_ms": bare_ms, "masked_ms": masked_ms, "r": r.tolist()}))
