"""Path converters of the project's URLs, registered when the conference app is ready."""


class DatabaseIdConverter:
    """The path converter `<id:...>`: a positive id of at most 18 digits, which every 64-bit
    column holds. A longer number matches no route (404) and never reaches the database."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
