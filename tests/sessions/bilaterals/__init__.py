"""Bilateral meetings: requests, answers, the scheduler (exact, not greedy), moves and
cancellations, and the notices with their calendar entries."""
