#!/usr/bin/env python3
"""Measure each claim-alignment tuning constant (src/model/tuning.rs) on the dev table.

Builds the binary with the `tune` feature (copied to target/release/dossier-tune, then the
normal binary is built again), scores the defaults, then each constant at a lower and a
higher value, and prints the means of the claim metrics for each, so a constant's doc can
say what moving it measured.

Usage, from the project's root, with ../shared beside it:
    python3 eval/sweep.py                       # every constant, x0.8 and x1.2
    python3 eval/sweep.py pair_threshold=0.18,0.26 near_best=0.7,0.9
    python3 eval/sweep.py --no-build ...        # reuse target/release/dossier-tune
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORE_ALL = os.path.join(ROOT, "..", "shared", "eval", "score_all.py")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
TUNE_BIN = os.path.join(TARGET, "release", "dossier-tune")
METRICS = ["claim_f1", "conflict_p", "conflict_r", "figure_f1", "figconf_p", "figconf_r"]


def build():
    subprocess.run(["cargo", "build", "--release", "--features", "tune"], cwd=ROOT, check=True)
    os.replace(os.path.join(TARGET, "release", "dossier"), TUNE_BIN)
    subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)


def defaults():
    """The constants and their default values, read from tuning.rs's declaration list."""
    src = open(os.path.join(ROOT, "src", "model", "tuning.rs"), encoding="utf-8").read()
    body = src[src.index("tuning! {"):]
    return [(m[0], m[1], m[2]) for m in re.findall(r"^\s+(\w+): (f32|f64|usize) = ([0-9.]+),$", body, re.M)]


def score(spec):
    env = dict(os.environ, DOSSIER_TUNING=spec)
    p = subprocess.run([sys.executable, SCORE_ALL, "--bin", TUNE_BIN], cwd=ROOT, env=env,
                       capture_output=True, text=True, check=True)
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    head = lines[0].split()
    mean = next(l for l in lines if l.startswith("mean")).split()
    seeds = next(l for l in lines if l.startswith("seeds")).split()
    names = {"claim": "claim_f1", "conf_p": "conflict_p", "conf_r": "conflict_r", "fig": "figure_f1",
             "fconf_p": "figconf_p", "fconf_r": "figconf_r"}
    cols = head[1:]
    out = {}
    for i, c in enumerate(cols):
        if c in names:
            out[names[c]] = mean[i + 1]
            out["seeds_" + names[c]] = seeds[i + 1]
    return out


def main():
    args = sys.argv[1:]
    if "--no-build" in args:
        args.remove("--no-build")
    else:
        build()
    consts = defaults()
    trials = []
    if args:
        for a in args:
            name, values = a.split("=", 1)
            trials += [(name, v) for v in values.split(",")]
    else:
        for name, ty, value in consts:
            v = float(value)
            if ty == "usize":
                lo, hi = max(0, int(v) - 1), int(v) + 1
            else:
                lo, hi = round(v * 0.8, 4), round(v * 1.2, 4)
            trials += [(name, str(lo)), (name, str(hi))]
    print("%-22s %-8s " % ("constant", "value") + " ".join("%9s" % m for m in METRICS) + "  seeds claim/conf_p/conf_r")
    base = score("")
    print("%-22s %-8s " % ("(defaults)", "") + " ".join("%9s" % base[m] for m in METRICS)
          + "  %s/%s/%s" % (base["seeds_claim_f1"], base["seeds_conflict_p"], base["seeds_conflict_r"]))
    for name, value in trials:
        r = score("%s=%s" % (name, value))
        print("%-22s %-8s " % (name, value) + " ".join("%9s" % r[m] for m in METRICS)
              + "  %s/%s/%s" % (r["seeds_claim_f1"], r["seeds_conflict_p"], r["seeds_conflict_r"]), flush=True)


if __name__ == "__main__":
    main()
