from tests.delegations.import_export.support import confirmed, importer, registered  # noqa: F401  (fixtures)
