"""What every form that takes typed text shares: its text fields refuse control characters.

Model fields that hold typed text carry the validators themselves (conference.validators), so
ModelForms, the console and DRF's ModelSerializers check them; a form whose fields are not a
model's mixes this in, so that none of its text fields is forgotten, today's or a later one's.
"""

from django import forms

from conference.validators import validate_multiline_text, validate_single_line


class RefusesControlCharacters:
    """For a `forms.Form` or `ModelForm`: each text field refuses control characters and
    bidirectional overrides, and line breaks unless its widget is a text box. Passwords are
    left alone: they are never shown to anyone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField) or isinstance(
                field.widget, forms.PasswordInput
            ):
                continue
            multiline = isinstance(field.widget, forms.Textarea)
            validator = validate_multiline_text if multiline else validate_single_line
            if validator not in field.validators:
                field.validators = [*field.validators, validator]
