"""Eligibility: conditions, the resident's profile and answers, which question to ask next, the
check as a conversation, and the advice at its end."""
