"""Steps that higher layers register for a lower layer to run.

When something happens low in the layers (an enrolment completes, a quiz is
regraded, a person is erased), apps above react without the lower layer importing
them: each app owns its step functions, settings (the composition root) list them
in order by dotted path, and the lower layer runs what is listed. Resolving the
path at call time is what keeps the dependency pointing upward only in settings.
"""

from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


def run_steps(setting_name: str, **kwargs: Any) -> list[Any]:
    """Call each step named in ``settings.<setting_name>``, in the declared order,
    with ``kwargs``; return their results in the same order."""
    return [import_string(path)(**kwargs) for path in getattr(settings, setting_name)]
