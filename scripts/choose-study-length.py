#!/usr/bin/env python3
"""Chooses a CPU study's length from one constant-LR run, before any comparison is looked at.

Constant LR does not depend on the run's length, so one long run's curve (anneal train's curve.csv) holds every
shorter run too. For each length L on a 100-step grid it prints how much the smoothed train loss falls over the last
quarter of an L-step run: from the window ending at 3L/4 to the window ending at L, with a window of L/10 steps (the
verdict window of a scaled preset). The length chosen is the shortest L at which that fall is under 5% at L and at the
next two lengths of the grid, so that one noisy window cannot decide it.

Usage: scripts/choose-study-length.py curve.csv
"""
import csv
import sys

THRESHOLD_PCT, RUN_OF = 5.0, 3

losses = {int(row["step"]): float(row["loss"]) for row in csv.DictReader(open(sys.argv[1]))}
last = max(losses)


def smoothed(end, window):
    return sum(losses[s] for s in range(end - window + 1, end + 1)) / window


falls = []
print("L,window,smoothed_at_3L/4,smoothed_at_L,fall_pct")
for length in range(200, last + 1, 100):
    window = length // 10
    before, after = smoothed(length * 3 // 4, window), smoothed(length, window)
    fall = 100 * (before - after) / before
    falls.append((length, fall))
    print(f"{length},{window},{before:.4f},{after:.4f},{fall:.2f}")

first = next((length for length, fall in falls if fall < THRESHOLD_PCT), None)
chosen = next((falls[i][0] for i in range(len(falls) - RUN_OF + 1)
               if all(fall < THRESHOLD_PCT for _, fall in falls[i:i + RUN_OF])), None)
print(f"first length with a fall under {THRESHOLD_PCT}%: {first}")
print(f"first length with a fall under {THRESHOLD_PCT}% at it and the next {RUN_OF - 1} lengths: {chosen}")
