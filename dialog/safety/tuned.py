"""The embedding's per-class thresholds and margin, chosen on the tuning half
(``python bench/safety_recall.py --tune``).

``tests/safety/test_safety_embedding.py`` re-runs the tuning and checks these values, so a changed
labelled set or model cannot silently leave them stale.
"""

THRESHOLDS = {"medical": 0.905, "suicide": 0.94, "abuse": 0.93, "fire": 0.9, "crime": 0.87}
MARGIN = 0.03
