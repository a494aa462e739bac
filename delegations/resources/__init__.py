"""Imports and exports of the console (django-import-export), one module per list."""

from delegations.resources.base import column_headings
from delegations.resources.delegates import DelegateImportResource
from delegations.resources.exports import (
    DelegateExportResource,
    DelegationExportResource,
    TravelExportResource,
)
from delegations.resources.invitees import InviteeResource
from delegations.resources.storage import EncryptedTempStorage

__all__ = [
    "DelegateExportResource",
    "DelegateImportResource",
    "DelegationExportResource",
    "EncryptedTempStorage",
    "InviteeResource",
    "TravelExportResource",
    "column_headings",
]
