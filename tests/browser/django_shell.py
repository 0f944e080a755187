"""A Django shell kept running beside a browser worker's live site.

``LiveSite.shell`` used to start ``manage.py shell -c`` for each piece of set-up or
checking code, and each start imported Django, Wagtail and Sigap again: a second or
more each, about forty times a run. This process starts once per live site and runs
each piece the way ``shell -c`` does (the same namespace, the models imported),
returning what it printed or its traceback.

Protocol, on stdin and stdout: a line with the byte length of a UTF-8 request, the
request (the code); the reply likewise, a JSON object ``{"ok", "out"}``. Whatever
else would write to the process's stdout (a C library, a child process) goes to
its stderr, the live site's log, not into the replies.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import traceback


def _replies():
    """The real stdout for replies; file descriptor 1 becomes stderr."""
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return replies


def main() -> None:
    replies = _replies()
    requests = sys.stdin.buffer
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
    import django

    django.setup()
    from django.core.management.commands import shell
    from django.db import connections
    from django.utils import translation

    namespace = {**vars(shell), **shell.Command().get_namespace(verbosity=0)}
    while header := requests.readline():
        code = requests.read(int(header)).decode()
        printed = io.StringIO()
        ok = True
        with contextlib.redirect_stdout(printed):
            try:
                exec(code, dict(namespace))  # noqa: S102 - the tests' own code
            except SystemExit as exit_:
                ok = exit_.code in (None, 0)
            except Exception:  # noqa: BLE001 - reported to the test, as shell -c would
                ok = False
                printed.write(traceback.format_exc())
            finally:
                # As a new shell would: no transaction or lock kept between pieces
                # (the live site writes the same SQLite file), the default language.
                connections.close_all()
                translation.deactivate()
        reply = json.dumps({"ok": ok, "out": printed.getvalue()}).encode()
        replies.write(b"%d\n" % len(reply) + reply)
        replies.flush()


if __name__ == "__main__":
    main()
