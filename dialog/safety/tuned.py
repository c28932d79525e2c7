"""The embedding's threshold and margin, chosen on the tuning half (``python bench/safety_recall.py --tune``).

``tests/safety/test_safety_embedding.py`` re-runs the tuning and checks these values (within two
utterances: the engine's SIMD kernels differ by CPU), so a changed
labelled set or model cannot silently leave them stale.
"""

THRESHOLD = 0.905
MARGIN = 0.035
