"""Places: facilities near the caller (행정복지센터, libraries, health centres)."""
