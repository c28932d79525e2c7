"""The embedding's threshold and margin, chosen on the tuning half (``python bench/safety_recall.py --tune``).

``tests/dialog/test_safety_embedding.py`` re-runs the tuning and checks these values, so a changed
labelled set or model cannot silently leave them stale.
"""

THRESHOLD = 0.905
MARGIN = 0.035
