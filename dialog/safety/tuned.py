"""The probe's L2 weight and threshold, chosen on the tuning half (``python bench/safety_recall.py --tune``).

``tests/safety/test_safety_embedding.py`` re-runs the tuning and checks these values (within two utterances: the e5
engine's SIMD kernels differ by CPU), so a changed
labelled set or model cannot silently leave them stale.
"""

L2 = 0.01
TAU = 0.0443
