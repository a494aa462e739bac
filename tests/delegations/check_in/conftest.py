from tests.delegations.check_in.support import hanoi  # noqa: F401  (fixtures)
