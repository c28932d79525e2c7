"""Finding the programme: hybrid dense + BM25 search, tokens and glossaries, embedders, facts read
from the question, fit with eligibility, clarifying questions, and evaluation."""
