"""The programme catalogue: records, import of open data, the sample, stated amounts."""
