"""Ralph (a maintained Python LRS, PyPI ``ralph-malph``) for the demo:
``make lrs`` runs this file with the Python of Ralph's own virtualenv
(``.lrs-venv``), never Sigap's (Ralph pins packages Sigap's lock does not).

It stores statements in files under ``--dir`` (Ralph's ``fs`` backend), with one
basic-auth account for Sigap, and serves the xAPI at
``http://127.0.0.1:8100/xAPI`` (docs/interoperability.md, "Running Ralph").
Loopback only: this is a demo LRS, not one for production.
"""

import argparse
import json
import os
import sys
from pathlib import Path


def write_account(auth_file: Path, *, username: str, password: str) -> None:
    """Ralph's credentials file with one account that may read and write
    everything; the agent is the authority Ralph writes into each statement."""
    import bcrypt

    account = {
        "username": username,
        "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode(),
        "scopes": ["all"],
        "agent": {"account": {"homePage": "http://127.0.0.1", "name": username}},
    }
    auth_file.write_text(json.dumps([account], indent=2))
    auth_file.chmod(0o600)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var/lrs", help="where statements are kept")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--username", default=os.environ.get("LRS_USERNAME", "sigap"))
    parser.add_argument(
        "--password", default=os.environ.get("LRS_PASSWORD", "sigap-lrs-demo")
    )
    options = parser.parse_args()

    store = Path(options.dir).resolve()
    store.mkdir(parents=True, exist_ok=True)
    auth_file = store / "auth.json"
    write_account(auth_file, username=options.username, password=options.password)
    # Ralph reads its settings from the environment when its modules load.
    os.environ["RALPH_AUTH_FILE"] = str(auth_file)
    os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
    os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(store)

    import uvicorn
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    # Ralph 5.1's fs backend writes each POST in "create" mode into one file,
    # so every POST after the first fails (HTTP 500 "Statements bulk indexation
    # failed"). Appending keeps every batch; Ralph itself still refuses a
    # statement id it holds with other content and drops exact repeats.
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND

    print(
        f"Ralph LRS: http://127.0.0.1:{options.port}/xAPI "
        f"(basic auth {options.username}), statements in {store}/fs_lrs.jsonl",
        flush=True,
    )
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=options.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
