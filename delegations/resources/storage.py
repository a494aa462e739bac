"""Where an uploaded file waits between the preview and the confirmation.

django-import-export keeps the upload in the system's temporary folder until the organiser
confirms, and for ever if nobody does. Invitee and delegate lists hold personal data (and may
hold passport numbers), so the copy is encrypted, and the console removes it as soon as the
preview shows it cannot be imported.
"""

from cryptography.fernet import Fernet
from django.conf import settings
from import_export.tmp_storages import TempFolderStorage

from delegations.passports import derived_key


def _fernet():
    return Fernet(derived_key(settings.SECRET_KEY, "import-upload"))


class EncryptedTempStorage(TempFolderStorage):
    def save(self, data):
        if isinstance(data, str):
            data = data.encode(self.encoding or "utf-8")
        token = _fernet().encrypt(data)
        with self._open(mode="wb") as file:
            file.write(token)

    def read(self):
        with self._open(mode="rb") as file:
            data = _fernet().decrypt(file.read())
        if "b" in self.read_mode:
            return data
        return data.decode(self.encoding or "utf-8")

    def _open(self, mode="r"):
        if self.name:
            # Binary, unlike the parent's: the file holds a Fernet token.
            return open(self.get_full_path(), mode)
        return super()._open(mode)
