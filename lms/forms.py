"""Form fields shared by every app."""

from django import forms


class ModelChoiceField(forms.ModelChoiceField):
    """Django's ``ModelChoiceField`` that also refuses keys the database cannot hold.

    A tampered value such as ``?course=9223372036854775808`` makes SQLite raise
    ``OverflowError`` while looking it up; here it is an invalid choice with the
    field's usual message, like any other unknown key.
    """

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None
