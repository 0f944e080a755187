"""Demo LTI registration for ``seed_demo``: an example Moodle of a regional
agency, registered as an administrator would (inactive: its addresses are
examples, no platform answers there), and Sigap's tool key, so that Admin →
*Alat LTI* and *Platform LTI* show what an administrator fills in. Idempotent."""

from lms.lti.keys import current_key
from lms.lti.models import LtiDeployment, LtiPlatform

MOODLE = "https://elearning.bkpsdm-sukamaju.example"


def seed() -> None:
    current_key()
    platform, _created = LtiPlatform.objects.get_or_create(
        issuer=MOODLE,
        client_id="Kq7vP2sD4mXe9Lb",
        defaults={
            "name": "Moodle BKPSDM Kabupaten Sukamaju (contoh)",
            "auth_login_url": f"{MOODLE}/mod/lti/auth.php",
            "auth_token_url": f"{MOODLE}/mod/lti/token.php",
            "jwks_url": f"{MOODLE}/mod/lti/certs.php",
            "active": False,
        },
    )
    LtiDeployment.objects.get_or_create(platform=platform, deployment_id="3")
