from tests.sessions.bilaterals.support import conference  # noqa: F401  (fixtures)
