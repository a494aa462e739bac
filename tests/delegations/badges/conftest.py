from tests.delegations.badges.support import conference  # noqa: F401  (fixtures)
