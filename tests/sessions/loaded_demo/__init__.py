"""The Hanoi demo loaded once for the whole package, and checked against what was reported."""
