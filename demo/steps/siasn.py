"""Demo national sync for ``seed_demo``: the demo staff get SIASN ids (all but
one, so HR sees what a missing id looks like), their completions go into the
outbox and are sent to the fake SIASN (``SIGAP_SIASN_FAKE``, on in ``make
demo``). HR sees the result at /hr/siasn/. Idempotent; nothing when the sync is
off."""

import uuid

from lms.accounts.models import AsnProfile
from lms.hr import siasn_sync
from lms.hr.siasn import is_enabled

# Made Suarsana: left without a SIASN id, to show the reason HR is given.
WITHOUT_SIASN_ID = "198202142006041001"
ID_NAMESPACE = uuid.UUID("6f1c1f3e-8a55-4c1e-9d2f-5a1b3c4d5e6f")


def seed() -> None:
    if not is_enabled():
        return
    profiles = AsnProfile.objects.filter(siasn_id="", nip__isnull=False).exclude(
        nip=WITHOUT_SIASN_ID
    )
    for profile in profiles:
        profile.siasn_id = uuid.uuid5(ID_NAMESPACE, profile.nip).hex.upper()
        profile.save(update_fields=["siasn_id"])
    siasn_sync.enqueue_completed()
    while True:
        run = siasn_sync.send_due()
        if not (run.sent or run.failed) or run.stopped_early:
            return
