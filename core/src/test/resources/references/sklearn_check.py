#!/usr/bin/python3
# Cross-checks References.java against scikit-learn: run `References.main(DIR)` (test classpath) to write DIR/*.csv
# and DIR/refs.txt, then `/usr/bin/python3 sklearn_check.py DIR`. Prints the largest relative difference per case.
import numpy as np, os, sys, warnings
warnings.simplefilter('ignore')
os.chdir(sys.argv[1] if len(sys.argv) > 1 else '.')
from sklearn.linear_model import Ridge, Lasso, LogisticRegression
refs = {}
for line in open('refs.txt'):
    kind, p, arr = line.split(' ', 2)
    refs[(kind, float(p))] = np.array([float(v) for v in arr.strip()[1:-2].split(',')])
def load(name):
    d = np.loadtxt(name, delimiter=','); return d[:, :-1], d[:, -1]
worst = {}
X, y = load('ridge.csv'); n = len(y)
for l2 in [0, 1e-3, 0.1, 1]:
    m = Ridge(alpha=n * l2, tol=1e-14, solver='cholesky').fit(X, y)
    sk = np.append(m.coef_, m.intercept_); r = refs[('ridge', l2)]
    worst['ridge %g' % l2] = np.max(np.abs(sk - r)) / np.max(np.abs(r))
X, y = load('lasso.csv')
for l1 in [0.02, 0.1, 0.4]:
    m = Lasso(alpha=l1, tol=1e-14, max_iter=10**6).fit(X, y)
    sk = np.append(m.coef_, m.intercept_); r = refs[('lasso', l1)]
    worst['lasso %g' % l1] = (np.max(np.abs(sk - r)) / np.max(np.abs(r)), list((m.coef_ == 0).astype(int)), list((r[:-1] == 0).astype(int)))
X, y = load('logistic.csv'); n = len(y)
for l2 in [1e-3, 0.05]:
    m = LogisticRegression(C=1 / (n * l2), tol=1e-12, max_iter=10**5, solver='newton-cg').fit(X, y)
    sk = np.append(m.coef_[0], m.intercept_); r = refs[('logistic', l2)]
    worst['logistic %g' % l2] = np.max(np.abs(sk - r)) / np.max(np.abs(r))
X, y = load('softmax.csv'); n = len(y)
for l2 in [1e-3, 0.05]:
    m = LogisticRegression(C=1 / (n * l2), tol=1e-14, max_iter=10**6, solver='newton-cg', multi_class='multinomial').fit(X, y)
    b = m.intercept_ - m.intercept_.mean()
    sk = np.concatenate([np.append(m.coef_[c], b[c]) for c in range(4)]); r = refs[('softmax', l2)].copy()
    r[3::4] = r[3::4] - r[3::4].mean()
    worst['softmax %g' % l2] = np.max(np.abs(sk - r)) / np.max(np.abs(r))
for k, v in worst.items(): print(k, v)
