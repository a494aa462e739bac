from tests.sessions.gala.support import gala, seated_gala, staff  # noqa: F401  (fixtures)
